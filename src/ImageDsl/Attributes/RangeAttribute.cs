namespace ImageDsl;

/// <summary>
/// Marks a <c>float</c> or <c>double</c> property as a regression target whose values lie in
/// [<see cref="Min"/>, <see cref="Max"/>]. Targets are scaled into a unit range for training and
/// mapped back, so predictions are always in the user's units and never leave the range.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class RangeAttribute : Attribute
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

    /// <summary>The training loss; mean squared error unless chosen otherwise.</summary>
    public RegressionLoss Loss { get; set; } = RegressionLoss.MeanSquaredError;

    /// <summary>The delta of the Huber loss, in the target's own units. Used only with <see cref="RegressionLoss.Huber"/>.</summary>
    public double HuberDelta { get; set; } = 1.0;

    /// <summary>The CSV column holding this target; defaults to the property name (matched case-insensitively).</summary>
    public string? Column { get; set; }

    /// <summary>
    /// An error you accept, in the target's units (for example 10 degrees); evaluation reports
    /// the share of predictions within it. 0 (the default) reports none.
    /// </summary>
    public double Tolerance { get; set; }

    /// <summary>Weight of this target's loss when a model has several targets. Must be greater than 0.</summary>
    public double LossWeight { get; set; } = 1.0;
}
