// Types from the base class library as targets (one enum with obsolete members that carry a
// diagnostic ID), nullable reference vectors, a record struct with a required member beside its
// positional ones, and an enum and a vector type nested in the spec class itself.
#nullable enable
using ImageDsl;

namespace Corpus.LibraryTypes;

public class Arrow
{
    public float X { get; set; }

    public float Y { get; set; }
}

public record struct Extent(float Width, float Height)
{
    public required float Depth { get; init; }
}

[ImageModel(Width = 16, Height = 16)]
public partial class Inspector
{
    public enum Verdict { Pass, Fail }

    public readonly record struct Spot(double U, double V);

    [Labels] public System.Net.Security.EncryptionPolicy Policy { get; init; }

    [Labels] public System.IO.SeekOrigin Origin { get; init; }

    [Labels] public System.DayOfWeek Day { get; init; }

    [Vector] public Arrow? Arrow { get; init; }

    [Vector(Columns = ["w", "h", "d"])] public Extent Extent { get; init; }

    [Labels] public Verdict Result2 { get; init; }

    [Vector] public Spot Where { get; init; }
}
