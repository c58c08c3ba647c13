namespace ImageDsl.Explanations;

/// <summary>
/// The one number a heatmap explains: a target's value, one of its labels' scores, or one
/// component of a vector, box or points target. Generated models offer one per target
/// (<c>MySpec.ExplainTargets.Species("cat")</c>, <c>MySpec.ExplainTargets.Box.Left</c>); these
/// factories are what they call, and work on specs built by hand.
/// </summary>
/// <param name="Target">The target's name, as in the spec.</param>
/// <param name="Label">For a label, multi-label or yes/no target: the label whose score is explained; null for the target's one value.</param>
/// <param name="Component">For a vector, box or points target: the component's index; null for a target with one value.</param>
public sealed record ExplainTarget(string Target, string? Label = null, int? Component = null)
{
    /// <summary>The target's one value: a range's or value's number, a yes/no target's score of true, a periodic target's angle, an ordinal target's expected rank.</summary>
    public static ExplainTarget Value(string target) => new(target);

    /// <summary>The score of <paramref name="label"/> of a label or multi-label target (its logit, before the softmax or sigmoid).</summary>
    public static ExplainTarget Score(string target, string label) => new(target, Label: label);

    /// <summary>Component <paramref name="component"/> (0-based, in declaration order) of a vector, box or points target.</summary>
    public static ExplainTarget Of(string target, int component) => new(target, Component: component);

    /// <summary>What is explained, for titles: <c>Species = cat</c>, <c>Box.Left</c>, <c>Angle</c>.</summary>
    public override string ToString() => Label is not null ? $"{Target} = {Label}" : Component is { } c ? $"{Target}[{c}]" : Target;
}

/// <summary>How a heatmap weighs the backbone's last feature map by the explained number's gradient.</summary>
public enum HeatmapMethod
{
    /// <summary>
    /// Grad-CAM (Selvaraju et al., 2017): one weight per channel, the gradient averaged over the
    /// map. Right for backbones that average the map globally (ResNet, MobileNet, EfficientNet);
    /// over a backbone that flattens a grid (SmallCnn, PlainCnn) the average can cancel out.
    /// </summary>
    GradCam,

    /// <summary>
    /// HiResCAM (Draelos and Carin, 2020): the gradient times the map at each position, summed
    /// over channels. The same as Grad-CAM after global average pooling, and faithful to what a
    /// head reading a flattened grid (SmallCnn, PlainCnn) looks at.
    /// </summary>
    HiResCam,
}
