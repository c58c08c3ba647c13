namespace ImageDsl;

/// <summary>
/// An axis-aligned box as left, top, width and height, in pixels of the model's input (or any
/// unit the spec declares). The type to use for a <c>[Box(BoxFormat.XYWH)]</c> target.
/// </summary>
/// <param name="X">Left edge.</param>
/// <param name="Y">Top edge.</param>
/// <param name="W">Width.</param>
/// <param name="H">Height.</param>
public readonly record struct BoundingBox(float X, float Y, float W, float H)
{
    /// <summary>Right edge, <c>X + W</c>.</summary>
    public float Right => X + W;

    /// <summary>Bottom edge, <c>Y + H</c>.</summary>
    public float Bottom => Y + H;

    /// <summary>Intersection over union with <paramref name="other"/>: 1 for equal boxes, 0 for disjoint or empty ones.</summary>
    public double IoU(BoundingBox other) => Boxes.IoU(X, Y, Right, Bottom, other.X, other.Y, other.Right, other.Bottom);
}

/// <summary>Box arithmetic shared by metrics and <see cref="BoundingBox"/>.</summary>
public static class Boxes
{
    /// <summary>Intersection over union of two boxes given by their corners; 0 when the union is empty.</summary>
    public static double IoU(double ax1, double ay1, double ax2, double ay2, double bx1, double by1, double bx2, double by2)
    {
        double areaA = Math.Max(0, ax2 - ax1) * Math.Max(0, ay2 - ay1);
        double areaB = Math.Max(0, bx2 - bx1) * Math.Max(0, by2 - by1);
        double iw = Math.Max(0, Math.Min(ax2, bx2) - Math.Max(ax1, bx1));
        double ih = Math.Max(0, Math.Min(ay2, by2) - Math.Max(ay1, by1));
        double intersection = iw * ih;
        double union = areaA + areaB - intersection;
        return union > 0 ? intersection / union : 0;
    }

    /// <summary>Corners (x1, y1, x2, y2) of a box given in <paramref name="format"/>.</summary>
    public static (double X1, double Y1, double X2, double Y2) Corners(BoxFormat format, ReadOnlySpan<float> box) => format switch
    {
        BoxFormat.XYXY => (box[0], box[1], box[2], box[3]),
        _ => (box[0], box[1], box[0] + box[2], box[1] + box[3]),
    };

    /// <summary>IoU of two boxes given in <paramref name="format"/>.</summary>
    public static double IoU(BoxFormat format, ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var (ax1, ay1, ax2, ay2) = Corners(format, a);
        var (bx1, by1, bx2, by2) = Corners(format, b);
        return IoU(ax1, ay1, ax2, ay2, bx1, by1, bx2, by2);
    }
}
