// Vector and box targets of every shape: positional record, readonly record struct, struct
// with fields, class with settable properties, a record with a computed property and a
// get-only non-number member, arrays of float and double, keyword-named components.
using ImageDsl;

namespace Corpus.VectorShapes;

public record Point2(float X, float Y)
{
    public float Length => (float)System.Math.Sqrt(X * X + Y * Y);

    public string Text => $"({X}, {Y})";
}

public readonly record struct Rgb(double R, double G, double B);

public struct Pair
{
    public float First;
    public float Second;
}

public class Corners
{
    public float Left { get; set; }
    public float Top { get; set; }
    public float Right { get; set; }
    public float Bottom { get; set; }
}

public record struct Io(float @in, float @out);

[ImageModel(Width = 32, Height = 32)]
public partial class Shapes
{
    [Vector] public Point2 Tip { get; init; } = new(0, 0);

    [Vector(Min = 0, Max = 1)] public Rgb Color { get; init; }

    [Vector(Columns = ["first value", "second \"value\""])] public Pair Pair { get; init; }

    [Box(BoxFormat.XYXY)] public Corners Frame { get; init; } = new();

    [Box(Columns = ["bx", "by", "bw", "bh"])] public BoundingBox Box { get; init; }

    [Vector(Length = 3)] public float[] Weights { get; init; } = [];

    [Vector(Length = 2, Points = true)] public double[] Landmark { get; init; } = [];

    [Vector] public Io Io { get; init; }
}
