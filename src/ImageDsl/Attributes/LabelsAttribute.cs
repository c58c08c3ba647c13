namespace ImageDsl;

/// <summary>
/// Marks an <c>enum</c> property as a classification target: the model predicts one of the
/// enum's members, with a probability for each. Members are the labels, in declaration order.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class LabelsAttribute : Attribute
{
    /// <summary>The CSV column holding this target; defaults to the property name (matched case-insensitively).</summary>
    public string? Column { get; set; }

    /// <summary>Weight of this target's loss when a model has several targets. Must be greater than 0.</summary>
    public double LossWeight { get; set; } = 1.0;

    /// <summary>Label smoothing for the cross-entropy loss, in [0, 1).</summary>
    public double LabelSmoothing { get; set; }
}
