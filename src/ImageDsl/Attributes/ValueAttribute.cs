namespace ImageDsl;

/// <summary>
/// Marks a <c>float</c> or <c>double</c> property as an unbounded regression target. Targets are
/// standardized with the training set's mean and standard deviation (saved with the model) and
/// predictions are mapped back, so users only ever see their own units.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class ValueAttribute : TargetAttribute
{
    /// <summary>The unit of the values, shown in reports.</summary>
    public string? Unit { get; set; }

    /// <summary>The delta of the Huber and smooth L1 losses, in the target's own units.</summary>
    public double HuberDelta { get; set; } = 1.0;

    /// <summary>
    /// An error you accept, in the target's units; evaluation reports the share of predictions
    /// within it (|error| ≤ Tolerance), in report.json and report.md. Leave it out for none; when
    /// set it must be positive and finite, or the analyzer reports IMGDSL0045.
    /// </summary>
    public double Tolerance { get; set; }
}
