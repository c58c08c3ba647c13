namespace ImageDsl;

/// <summary>
/// Marks a property as a classification target; the kind follows from the property's type:
/// <list type="bullet">
/// <item><description>an <c>enum</c>: multi-class, one of its members (in declaration order);</description></item>
/// <item><description>a <c>string</c>: multi-class over the labels listed here, <c>[Labels("cat", "dog")]</c>, in that order;</description></item>
/// <item><description>a <c>bool</c>: binary, one logit; <c>[Labels("ok", "defect")]</c> optionally names false and true;</description></item>
/// <item><description>a <c>[Flags]</c> enum, or a set of an enum (<c>IReadOnlySet&lt;Tag&gt;</c>): multi-label, any subset of the members.</description></item>
/// </list>
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class LabelsAttribute : TargetAttribute
{
    /// <summary>A target whose labels come from its type (an enum or <c>bool</c>).</summary>
    public LabelsAttribute() => Labels = [];

    /// <summary>The label set of a <c>string</c> target (order fixed, saved with the model), or the names of false and true for a <c>bool</c>.</summary>
    /// <param name="labels">The labels, in the order of the network's outputs.</param>
    public LabelsAttribute(params string[] labels) => Labels = labels;

    /// <summary>The declared labels; empty when they come from the type.</summary>
    public string[] Labels { get; }

    /// <summary>Label smoothing for the cross-entropy loss of a multi-class target, in [0, 1).</summary>
    public double LabelSmoothing { get; set; }

    /// <summary>Per-class weights of the cross-entropy loss (for imbalanced classes), one positive number per label in label order.</summary>
    public double[]? ClassWeights { get; set; }

    /// <summary>Weight of the positive class in the binary cross-entropy of a bool or multi-label target (above 1 favours recall).</summary>
    public double PositiveWeight { get; set; } = 1.0;

    /// <summary>Per-label positive weights of a multi-label target, one per label in label order; overrides <see cref="PositiveWeight"/>.</summary>
    public double[]? PositiveWeights { get; set; }

    /// <summary>The probability at or above which a bool target is true, or a multi-label target's label is present. In (0, 1).</summary>
    public double Threshold { get; set; } = 0.5;

    /// <summary>Per-label thresholds of a multi-label target, one per label in label order; overrides <see cref="Threshold"/>.</summary>
    public double[]? Thresholds { get; set; }
}
