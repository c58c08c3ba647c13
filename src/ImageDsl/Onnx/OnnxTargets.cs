using System.Collections.Concurrent;
using System.Text;
using ImageDsl.Specs;

namespace ImageDsl.Onnx;

/// <summary>
/// Writes one target's post-processing: from its head's raw output to what prediction reports,
/// per image the same floats <c>PredictionOutputs</c> holds for it. Returns the value holding
/// them; the exporter publishes it as the target's output.
/// </summary>
/// <typeparam name="TTarget">The target kind the mapping handles.</typeparam>
/// <param name="graph">The graph being built.</param>
/// <param name="target">The target.</param>
/// <param name="head">The value holding the head's raw output, [N, OutputWidth].</param>
/// <param name="context">Where the target sits in its spec, and the training statistics standardized targets need.</param>
public delegate string OnnxTargetMapping<in TTarget>(OnnxGraphBuilder graph, TTarget target, string head, OnnxTargetContext context) where TTarget : TargetSpec;

/// <summary>What a target mapping may need besides the target itself.</summary>
public sealed class OnnxTargetContext
{
    private readonly TargetStatistics? statistics;

    internal OnnxTargetContext(ModelSpec spec, int index, TargetStatistics? statistics)
    {
        Spec = spec;
        Index = index;
        this.statistics = statistics;
    }

    /// <summary>The spec being exported.</summary>
    public ModelSpec Spec { get; }

    /// <summary>The target's position in <see cref="ModelSpec.Targets"/>.</summary>
    public int Index { get; }

    /// <summary>The target being exported.</summary>
    public TargetSpec Target => Spec.Targets[Index];

    /// <summary>
    /// The training set's mean and standard deviation of encoded component <paramref name="component"/>
    /// of a standardized target (<see cref="TargetSpec.IsStandardized"/>), as the model saved them;
    /// throws, naming the target, when the export was not given the model's statistics.
    /// </summary>
    /// <param name="component">The component, 0 for a single value.</param>
    public (double Mean, double Std) Standardization(int component)
    {
        if (statistics is null)
            throw new NotSupportedException(
                $"ONNX export: target {Target.Name} ({Target.KindName}) is predicted in standard units and mapped back with the training set's " +
                "mean and standard deviation, which this export was not given. Export with model.ExportOnnx, or pass the model's TargetStatistics to OnnxExporter.Export.");
        int column = Spec.EncodedOffset(Index) + component;
        return (statistics.Mean[column], statistics.Std[column]);
    }
}

/// <summary>
/// How each target's head output becomes its graph output. Each kind writes its own
/// post-processing (the <c>ExportOnnx</c> of its spec record), as <c>Predict</c> decodes it:
/// multi-class labels (softmax, <c>{target}_probabilities</c> [N, labels]), binary (sigmoid,
/// <c>{target}_probability</c> [N]), multi-label (sigmoid per label, <c>{target}_probabilities</c>
/// [N, labels]), ordinal ranks (<c>{target}_probabilities</c> [N, ranks] and the rank), bounded
/// ranges (clamped and mapped to the range, <c>{target}</c> [N]), periodic ranges (the angle of
/// the predicted sine and cosine, mapped onto the period, <c>{target}</c> [N]), unbounded values
/// (un-standardized, <c>{target}</c> [N]) and vectors and boxes (either, per component,
/// <c>{target}</c> [N, components]). <see cref="Register{TTarget}"/> adds (or replaces) the
/// mapping of a spec type, for target kinds defined outside ImageDsl.
/// </summary>
public static class OnnxTargets
{
    private sealed record Entry(string Suffix, OnnxTargetMapping<TargetSpec> Mapping, Func<TargetSpec, int> ValuesPerImage);

    private static readonly ConcurrentDictionary<Type, Entry> Entries = new();

    /// <summary>Registers (or replaces) how targets of <typeparamref name="TTarget"/> are exported.</summary>
    /// <typeparam name="TTarget">The target spec type.</typeparam>
    /// <param name="outputSuffix">Appended to the snake_case target name to name its output, e.g. <c>_probabilities</c>.</param>
    /// <param name="mapping">Writes the post-processing.</param>
    /// <param name="valuesPerImage">
    /// How many floats per image the output holds (what <c>PredictionOutputs</c> holds for the
    /// target); by default the head's <see cref="TargetSpec.OutputWidth"/>.
    /// </param>
    public static void Register<TTarget>(string outputSuffix, OnnxTargetMapping<TTarget> mapping, Func<TTarget, int>? valuesPerImage = null) where TTarget : TargetSpec =>
        Entries[typeof(TTarget)] = new Entry(outputSuffix,
            (graph, target, head, context) => mapping(graph, (TTarget)target, head, context),
            target => valuesPerImage is null ? target.OutputWidth : valuesPerImage((TTarget)target));

    /// <summary>True when targets of <paramref name="targetType"/> can be exported: a registered mapping, or one of ImageDsl's own kinds.</summary>
    /// <param name="targetType">A <see cref="TargetSpec"/> type.</param>
    public static bool IsSupported(Type targetType) => Find(targetType) is not null || Builtin(targetType);

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
            var stem = SnakeCase(target.Name) + Suffix(target);
            var name = stem;
            for (int i = 2; !taken.Add(name); i++) name = $"{stem}_{i}";
            names.Add(name);
        }
        return names;
    }

    /// <summary>The floats per image of <paramref name="target"/>'s output: 1 for a periodic target (its value), else its head's width.</summary>
    public static int ValuesPerImage(TargetSpec target) => Find(target.GetType()) is { } entry ? entry.ValuesPerImage(target) : Require(target).DecodedWidth;

    internal static string Map(OnnxGraphBuilder graph, OnnxTargetContext context, string head) =>
        Find(context.Target.GetType()) is { } entry ? entry.Mapping(graph, context.Target, head, context) : Require(context.Target).ExportOnnx(graph, head, context);

    private static string Suffix(TargetSpec target) => Find(target.GetType()) is { } entry ? entry.Suffix : Require(target).OnnxSuffix;

    private static TargetSpec Require(TargetSpec target) => target.ExportsOnnx ? target
        : throw new NotSupportedException($"ONNX export has no mapping for {target.GetType().Name} (target {target.Name}); register one with OnnxTargets.Register.");

    /// <summary>A registered mapping of the type or one of its base types.</summary>
    private static Entry? Find(Type targetType)
    {
        for (var type = targetType; type is not null; type = type.BaseType)
            if (Entries.TryGetValue(type, out var entry)) return entry;
        return null;
    }

    /// <summary>ImageDsl's own kinds map themselves; they are sealed, so the type says it.</summary>
    private static bool Builtin(Type targetType) => targetType.Assembly == typeof(TargetSpec).Assembly && !targetType.IsAbstract;

    /// <summary>[N, 1] to one value per image, [N].</summary>
    internal static string PerImage(OnnxGraphBuilder graph, string value) =>
        graph.Node("Reshape", [value, graph.Constant("per_image", [-1L], 1)], [OnnxGraphBuilder.BatchDimension]);

    /// <summary>
    /// As <see cref="RangeTargetSpec.FromUnit"/> (and <see cref="VectorTargetSpec.FromUnit"/>), operation
    /// for operation and in float64 like it: min + (clamp(u, -1, 1) + 1) / 2 * (max - min), then float32.
    /// </summary>
    internal static string FromUnit(OnnxGraphBuilder graph, string head, double min, double max)
    {
        var shape = graph.ShapeOf(head);
        var u = graph.ToDouble(head);
        var clamped = graph.Node("Clip", [u, graph.Constant("lowest", [-1.0]), graph.Constant("highest", [1.0])], shape);
        var shifted = graph.Node("Add", [clamped, graph.Constant("one", [1.0])], shape);
        var halved = graph.Node("Div", [shifted, graph.Constant("two", [2.0])], shape);
        var scaled = graph.Node("Mul", [halved, graph.Constant("width", [max - min])], shape);
        return graph.ToFloat(graph.Node("Add", [scaled, graph.Constant("min", [min])], shape));
    }

    /// <summary>As <see cref="TargetStatistics.FromStandard"/> per component, in float64: mean + std * u, then float32.</summary>
    internal static string FromStandard(OnnxGraphBuilder graph, string head, OnnxTargetContext context)
    {
        var shape = graph.RequireShape(head, $"target {context.Target.Name}");
        int width = context.Target.OutputWidth;
        var stats = Enumerable.Range(0, width).Select(context.Standardization).ToArray();
        var scaled = graph.Node("Mul", [graph.ToDouble(head), graph.Constant("std", stats.Select(s => s.Std).ToArray(), width)], shape);
        return graph.ToFloat(graph.Node("Add", [scaled, graph.Constant("mean", stats.Select(s => s.Mean).ToArray(), width)], shape));
    }

    /// <summary>" in mm", or nothing without a unit: for output descriptions.</summary>
    internal static string Units(string? unit) => unit is null ? "" : " in " + unit;

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
