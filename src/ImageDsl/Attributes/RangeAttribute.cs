namespace ImageDsl;

/// <summary>
/// Marks a <c>float</c> or <c>double</c> property as a regression target whose values lie in
/// [<see cref="Min"/>, <see cref="Max"/>]. Outputs are squashed into the range, so predictions
/// are always in the user's units and never leave it. With <see cref="Periodic"/> the range is
/// one period of a circular quantity (an angle, a time of day): trained on its sine and cosine
/// and scored by circular error, so 359° against 1° is an error of 2°.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class RangeAttribute : TargetAttribute
{
    /// <summary>Declares the range of the target's values.</summary>
    /// <param name="min">Smallest value the target takes.</param>
    /// <param name="max">Largest value the target takes; must be greater than <paramref name="min"/>.</param>
    public RangeAttribute(double min, double max)
    {
        Min = min;
        Max = max;
    }

    /// <summary>Smallest value the target takes.</summary>
    public double Min { get; }

    /// <summary>Largest value the target takes.</summary>
    public double Max { get; }

    /// <summary>The unit of the values, shown in reports (for example <c>"degrees"</c>).</summary>
    public string? Unit { get; set; }

    /// <summary>The delta of the Huber and smooth L1 losses, in the target's own units.</summary>
    public double HuberDelta { get; set; } = 1.0;

    /// <summary>The range is one full period of a circular quantity: <see cref="Max"/> is the same as <see cref="Min"/>.</summary>
    public bool Periodic { get; set; }

    /// <summary>
    /// An error you accept, in the target's units (for example 10 degrees); evaluation reports the
    /// share of predictions within it (|error| ≤ Tolerance), in report.json and report.md. On a
    /// <see cref="Periodic"/> range the error is taken the short way round (359° against 1° is 2° off).
    /// Leave it out for none; when set it must be positive, finite and smaller than the largest
    /// possible error (<c>Max - Min</c>, or half the period), or the analyzer reports IMGDSL0045.
    /// </summary>
    public double Tolerance { get; set; }

    /// <summary>
    /// The period of a <see cref="Periodic"/> target when it is not what the unit implies
    /// (360 for degrees, 2π for radians); must equal <c>Max - Min</c>.
    /// </summary>
    public double Period { get; set; }

    /// <summary>
    /// Declares that the value is how far the image content was turned, in the declared
    /// <see cref="Unit"/> (degrees or radians), positive in this sense. Rotation augmentation,
    /// otherwise refused for angle targets because it would change the answer, then turns the
    /// value with the image (and a horizontal flip mirrors it), so every training image can be
    /// seen at many angles. Rotations are kept small enough that the value stays in range.
    /// </summary>
    public RotationSense ImageRotation { get; set; }
}
