namespace ImageDsl;

/// <summary>
/// Marks a property as a bounding-box target: a record or struct of four <c>float</c> or
/// <c>double</c> members (such as <see cref="BoundingBox"/>) read in the declared
/// <see cref="Format"/>. Scored per coordinate and by mean intersection over union. Geometric
/// augmentation moves the box with the image (the upright box around its moved corners, cut at
/// the image's edge). Coordinates are pixels of the declared input size, or, with
/// <see cref="Min"/> and <see cref="Max"/>, [Min, Max] spans the image along each axis.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class BoxAttribute : TargetAttribute
{
    /// <summary>A box in <see cref="BoxFormat.XYWH"/>.</summary>
    public BoxAttribute() : this(BoxFormat.XYWH) { }

    /// <summary>A box in <paramref name="format"/>.</summary>
    /// <param name="format">How the four numbers describe the box.</param>
    public BoxAttribute(BoxFormat format) => Format = format;

    /// <summary>How the four numbers describe the box.</summary>
    public BoxFormat Format { get; }

    /// <summary>Smallest coordinate (usually 0); set together with <see cref="Max"/> to squash predictions into the image.</summary>
    public double Min { get; set; } = double.NaN;

    /// <summary>Largest coordinate (usually the image side in pixels); set together with <see cref="Min"/>.</summary>
    public double Max { get; set; } = double.NaN;

    /// <summary>The unit of the coordinates, shown in reports; pixels by default.</summary>
    public string? Unit { get; set; } = "px";

    /// <summary>The delta of the Huber and smooth L1 losses, in the target's own units.</summary>
    public double HuberDelta { get; set; } = 1.0;

    /// <summary>The CSV columns of the four numbers; by default <c>x, y, w, h</c> or <c>x1, y1, x2, y2</c>.</summary>
    public string[]? Columns { get; set; }

    /// <summary>
    /// An error you accept in each component, in the target's units; evaluation reports the share
    /// of components within it (|error| ≤ Tolerance), overall and per component, and the share of
    /// images whose every component is within it (boxes right to within
    /// Tolerance on every coordinate), in report.json and report.md. Leave it
    /// out for none; when set it must be positive, finite and, with <see cref="Min"/> and
    /// <see cref="Max"/>, smaller than <c>Max - Min</c>, or the analyzer reports IMGDSL0045.
    /// </summary>
    public double Tolerance { get; set; }
}
