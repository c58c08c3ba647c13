using ImageDsl.Specs;

namespace ImageDsl.Explanations;

/// <summary>Checks shared by the kinds whose heatmaps explain one of their labels.</summary>
internal static class ExplainTargets
{
    /// <summary>The index of the label <paramref name="target"/> names, or a clear error naming the labels there are.</summary>
    public static int LabelIndex(TargetSpec spec, ExplainTarget target, IReadOnlyList<string> labels, Func<string, int> indexOf)
    {
        if (target.Component is not null)
            throw new ArgumentException($"{spec.Name} is a {spec.KindName} target, which has labels, not components; name a label with ExplainTarget.Score(\"{spec.Name}\", label).", nameof(target));
        if (target.Label is not { } label)
            throw new ArgumentException($"{spec.Name} has {labels.Count} labels: name the one to explain with ExplainTarget.Score(\"{spec.Name}\", label) ({string.Join(", ", labels)}).", nameof(target));
        int index = indexOf(label);
        if (index < 0) throw new ArgumentException($"{spec.Name} has no label '{label}'; its labels are {string.Join(", ", labels)}.", nameof(target));
        return index;
    }
}
