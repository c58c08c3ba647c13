namespace ImageDsl;

/// <summary>
/// What every target attribute (<see cref="LabelsAttribute"/>, <see cref="RangeAttribute"/>,
/// <see cref="ValueAttribute"/>, <see cref="VectorAttribute"/>, <see cref="BoxAttribute"/>)
/// can say besides its kind: where the data is, how much its loss counts, which loss, and
/// which metrics headline it in reports. A property carries at most one of them.
/// </summary>
public abstract class TargetAttribute : Attribute
{
    /// <summary>The CSV column holding this target; defaults to the property name (matched case-insensitively).</summary>
    public string? Column { get; set; }

    /// <summary>Weight of this target's loss when a model has several targets. Must be greater than 0.</summary>
    public double LossWeight { get; set; } = 1.0;

    /// <summary>The training loss; <see cref="LossFunction.Default"/> picks the kind's usual one.</summary>
    public LossFunction Loss { get; set; }

    /// <summary>The metrics the report's overall table shows for this target; by default the kind's usual ones.</summary>
    public Metric Metrics { get; set; }
}
