namespace ImageDsl;

/// <summary>
/// Marks a property as a fixed-length vector regression target: a <c>float[]</c> or
/// <c>double[]</c> with a declared <see cref="Length"/> (keypoints, any fixed vector), or a
/// record or struct whose members are all <c>float</c> or <c>double</c> (one component each,
/// in declaration order). With <see cref="Min"/> and <see cref="Max"/> every component is
/// squashed into that range; without, components are standardized on the training set.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class VectorAttribute : TargetAttribute
{
    /// <summary>Number of components; required for an array, and must match a record's member count.</summary>
    public int Length { get; set; }

    /// <summary>Smallest value of every component; set together with <see cref="Max"/>.</summary>
    public double Min { get; set; } = double.NaN;

    /// <summary>Largest value of every component; set together with <see cref="Min"/>.</summary>
    public double Max { get; set; } = double.NaN;

    /// <summary>The unit of the values, shown in reports.</summary>
    public string? Unit { get; set; }

    /// <summary>The delta of the Huber and smooth L1 losses, in the target's own units.</summary>
    public double HuberDelta { get; set; } = 1.0;

    /// <summary>
    /// True when the components are points in the image, (x, y) pairs in order: x0, y0, x1, y1, ...
    /// (keypoints, landmarks). Geometric augmentation then moves them with the image; without it,
    /// shift, rotation, scale and flip are refused, since nothing says the numbers are positions.
    /// Coordinates are pixels of the declared input size, or, with <see cref="Min"/> and
    /// <see cref="Max"/>, [Min, Max] spans the image along each axis.
    /// </summary>
    public bool Points { get; set; }

    /// <summary>The CSV columns of the components, in order; by default the member names (records) or <c>Name0</c>, <c>Name1</c>, ... (arrays).</summary>
    public string[]? Columns { get; set; }

    /// <summary>
    /// An error you accept in each component, in the target's units; evaluation reports the share
    /// of components within it (|error| ≤ Tolerance), overall and per component, and the share of
    /// images whose every component is within it; with <see cref="Points"/>, also the share of points
    /// no farther than Tolerance from the truth (PCK), in report.json and report.md. Leave it
    /// out for none; when set it must be positive, finite and, with <see cref="Min"/> and
    /// <see cref="Max"/>, smaller than <c>Max - Min</c>, or the analyzer reports IMGDSL0045.
    /// </summary>
    public double Tolerance { get; set; }
}
