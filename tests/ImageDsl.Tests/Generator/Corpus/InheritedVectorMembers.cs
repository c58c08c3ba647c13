// Vector types whose numbers come from base classes: a class hierarchy set with an object
// initializer and a positional record hierarchy built with its widest constructor.
using ImageDsl;

namespace Corpus.InheritedVectorMembers;

public class Planar
{
    public float X { get; set; }

    public float Y { get; set; }
}

public class Spatial : Planar
{
    public float Z { get; set; }
}

public record Point2(double X, double Y);

public record Point3(double X, double Y, double Z) : Point2(X, Y);

[ImageModel(Width = 16, Height = 16)]
public partial class Locator
{
    [Vector] public Spatial Position { get; init; } = new();

    [Vector(Columns = ["tx", "ty", "tz"])] public Point3 Target { get; init; } = new(0, 0, 0);
}
