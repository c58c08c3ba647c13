using System.Collections.Concurrent;
using System.Text;
using ImageDsl.Specs;

namespace ImageDsl.Onnx;

/// <summary>
/// Writes one target's post-processing: from its head's raw output to what prediction reports,
/// per image the same floats <c>PredictionOutputs</c> holds for it (<see cref="TargetSpec.OutputWidth"/>
/// of them). Returns the value holding them; the exporter publishes it as the target's output.
/// </summary>
/// <typeparam name="TTarget">The target kind the mapping handles.</typeparam>
/// <param name="graph">The graph being built.</param>
/// <param name="target">The target.</param>
/// <param name="head">The value holding the head's raw output, [N, OutputWidth].</param>
public delegate string OnnxTargetMapping<in TTarget>(OnnxGraphBuilder graph, TTarget target, string head) where TTarget : TargetSpec;

/// <summary>
/// The registry of target kinds the exporter knows, keyed by spec type: how a head's output
/// becomes the target's graph output, and that output's name suffix. Built in: labels (softmax
/// probabilities, output <c>{target}_probabilities</c>, [N, labels]) and ranges (clamped to
/// [-1, 1] and mapped to the declared range in user units, output <c>{target}</c>, [N]).
/// </summary>
public static class OnnxTargets
{
    private sealed record Entry(string Suffix, OnnxTargetMapping<TargetSpec> Mapping);

    private static readonly ConcurrentDictionary<Type, Entry> Entries = new();

    static OnnxTargets()
    {
        Register<LabelTargetSpec>("_probabilities", (graph, _, head) => graph.Node("Softmax", [head], graph.ShapeOf(head), OnnxAttribute.Int("axis", 1)));
        Register<RangeTargetSpec>("", Range);
    }

    /// <summary>Registers (or replaces) how targets of <typeparamref name="TTarget"/> are exported.</summary>
    /// <typeparam name="TTarget">The target spec type.</typeparam>
    /// <param name="outputSuffix">Appended to the snake_case target name to name its output, e.g. <c>_probabilities</c>.</param>
    /// <param name="mapping">Writes the post-processing.</param>
    public static void Register<TTarget>(string outputSuffix, OnnxTargetMapping<TTarget> mapping) where TTarget : TargetSpec =>
        Entries[typeof(TTarget)] = new Entry(outputSuffix, (graph, target, head) => mapping(graph, (TTarget)target, head));

    /// <summary>
    /// The graph output name of each target of <paramref name="spec"/>, in target order: the
    /// target's name in snake_case plus its kind's suffix (<c>digit_probabilities</c>, <c>angle</c>),
    /// made unique with <c>_2</c>, <c>_3</c>... The exporter and the ONNX predictor both use this.
    /// </summary>
    /// <param name="spec">The spec.</param>
    public static IReadOnlyList<string> OutputNames(ModelSpec spec)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal) { OnnxExporter.InputName };
        var names = new List<string>();
        foreach (var target in spec.Targets)
        {
            var stem = SnakeCase(target.Name) + Find(target).Suffix;
            var name = stem;
            for (int i = 2; !taken.Add(name); i++) name = $"{stem}_{i}";
            names.Add(name);
        }
        return names;
    }

    internal static string Map(OnnxGraphBuilder graph, TargetSpec target, string head) => Find(target).Mapping(graph, target, head);

    private static Entry Find(TargetSpec target)
    {
        for (var type = target.GetType(); type is not null; type = type.BaseType)
            if (Entries.TryGetValue(type, out var entry)) return entry;
        throw new NotSupportedException($"ONNX export has no mapping for {target.GetType().Name} (target {target.Name}); register one with OnnxTargets.Register.");
    }

    /// <summary>
    /// As <see cref="RangeTargetSpec.FromUnit"/>: clamp to [-1, 1], then min + (u + 1) / 2 * (max - min),
    /// written as one multiply-add; reshaped to one value per image.
    /// </summary>
    private static string Range(OnnxGraphBuilder graph, RangeTargetSpec range, string head)
    {
        var shape = graph.ShapeOf(head);
        var clamped = graph.Node("Clip", [head, graph.Constant("min", [-1f]), graph.Constant("max", [1f])], shape);
        var scaled = graph.Node("Mul", [clamped, graph.Constant("half_width", [(float)((range.Max - range.Min) / 2)])], shape);
        var shifted = graph.Node("Add", [scaled, graph.Constant("center", [(float)((range.Max + range.Min) / 2)])], shape);
        return graph.Node("Reshape", [shifted, graph.Constant("per_image", [-1L], 1)], [OnnxGraphBuilder.BatchDimension]);
    }

    /// <summary><c>Digit</c> → <c>digit</c>, <c>RotationAngle</c> → <c>rotation_angle</c>, <c>HTTPCode</c> → <c>http_code</c>.</summary>
    internal static string SnakeCase(string name)
    {
        var text = new StringBuilder();
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            bool boundary = i > 0 && char.IsUpper(c) &&
                (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])));
            if (boundary && text[^1] != '_') text.Append('_');
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }
}
