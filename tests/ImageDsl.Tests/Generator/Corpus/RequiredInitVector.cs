// [Vector] classes whose members are required init (set with an object initializer), one with
// a [SetsRequiredMembers] constructor too, and a required init target on the spec.
using System.Diagnostics.CodeAnalysis;
using ImageDsl;

namespace Corpus.RequiredInitVector;

public sealed class Offset
{
    public required float Dx { get; init; }

    public required float Dy { get; init; }
}

public sealed class Scale
{
    public Scale() { }

    [SetsRequiredMembers]
    public Scale(double sx, double sy) { Sx = sx; Sy = sy; }

    public required double Sx { get; init; }

    public required double Sy { get; init; }
}

[ImageModel(Width = 16, Height = 16)]
public partial class Warp
{
    [Vector] public required Offset Offset { get; init; }

    [Vector] public Scale Scale { get; init; } = new(1, 1);
}
