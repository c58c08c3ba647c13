using System.Globalization;
using System.Text.Json.Serialization;
using ImageDsl.Evaluation;
using ImageDsl.Modeling;
using ImageDsl.Networks;
using ImageDsl.Onnx;
using ImageDsl.Training;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ImageDsl.Specs;

/// <summary>
/// An ordinal target: one of K ordered ranks (an enum's members in declaration order, or the whole
/// numbers of an <c>[Ordinal(first, last)]</c> range). Encoded as the rank's index, 0 … K − 1. The
/// head is CORAL's (Cao, Mirjalili &amp; Raschka 2020): K − 1 cumulative logits, logit k modelling
/// P(rank &gt; k), sharing one weight vector and differing by their biases, so the predicted
/// probabilities of the ranks are consistent; it is trained with binary cross-entropy over the
/// K − 1 thresholds. A prediction holds, in this order, the rank (how many P(rank &gt; k) exceed
/// 0.5), the expected rank (Σ P(rank &gt; k)) and each rank's probability (see <see cref="OrdinalDecoding"/>).
/// </summary>
public sealed record OrdinalTargetSpec : TargetSpec, IStoredTarget
{
    /// <summary>Creates an ordinal target.</summary>
    /// <param name="name">The spec property's name.</param>
    /// <param name="ranks">The ranks' names, lowest first (enum members, or the numbers of an integer range).</param>
    /// <param name="column">The CSV column it is read from; defaults to <paramref name="name"/>.</param>
    /// <param name="lossWeight">Weight of its loss in a multi-target model.</param>
    /// <param name="aliases">Another accepted spelling of each rank (an enum member's number), in rank order, or null.</param>
    /// <param name="first">For an integer range, the number of the lowest rank (the others follow one by one); null for an enum.</param>
    public OrdinalTargetSpec(string name, IReadOnlyList<string> ranks, string? column = null, double lossWeight = 1.0,
        IReadOnlyList<string>? aliases = null, int? first = null)
        : base(name, column ?? name, lossWeight)
    {
        if (ranks.Count < 2) throw new ArgumentException($"{name}: an ordinal target needs at least two ranks, not {ranks.Count}.", nameof(ranks));
        if (aliases is not null && aliases.Count != ranks.Count)
            throw new ArgumentException($"{name}: {aliases.Count} aliases for {ranks.Count} ranks.", nameof(aliases));
        Ranks = ranks;
        Aliases = aliases;
        First = first;
    }

    /// <summary>Creates the ordinal target of the whole numbers <paramref name="first"/> … <paramref name="last"/>.</summary>
    public static OrdinalTargetSpec Numbers(string name, int first, int last, string? column = null, double lossWeight = 1.0) =>
        last > first
            ? new(name, Enumerable.Range(first, last - first + 1).Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray(), column, lossWeight, first: first)
            : throw new ArgumentException($"{name}: the last rank ({last}) must be above the first ({first}).", nameof(last));

    /// <summary>The ranks' names, lowest first.</summary>
    public IReadOnlyList<string> Ranks { get; init; }

    /// <summary>Another accepted spelling of each rank (an enum member's number), or null.</summary>
    public IReadOnlyList<string>? Aliases { get; init; }

    /// <summary>For an integer range, the number of the lowest rank; null for an enum.</summary>
    public int? First { get; init; }

    /// <summary>K, the number of ranks.</summary>
    [JsonIgnore]
    public int RankCount => Ranks.Count;

    /// <inheritdoc />
    static TargetKind IStoredTarget.StoredKind => TargetKinds.Ordinal;

    internal override TargetKind Kind => TargetKinds.Ordinal;

    /// <inheritdoc />
    public override bool IsShiftInvariant => true;

    /// <inheritdoc />
    public override int EncodedWidth => 1;

    /// <summary>K − 1 cumulative logits.</summary>
    public override int OutputWidth => RankCount - 1;

    /// <summary>The index of rank <paramref name="text"/>: its name (ignoring case), its alias, or its number in an integer range; -1 if none.</summary>
    public int IndexOf(string text)
    {
        var trimmed = text.Trim();
        if (TargetText.IndexOf(Ranks, Aliases, trimmed) is var named and >= 0) return named;
        if (First is { } first && TargetText.TryParseNumber(trimmed, out var number) && number == Math.Floor(number))
        {
            double index = number - first;
            if (index >= 0 && index < Ranks.Count) return (int)index;
        }
        return -1;
    }

    /// <inheritdoc />
    public override string? TryEncode(string text, Span<float> encoded)
    {
        int index = IndexOf(text);
        if (index < 0) return $"'{text}' is not a rank of {Name}; expected one of {Expected}";
        encoded[0] = index;
        return null;
    }

    private string Expected => Aliases is null
        ? string.Join(", ", Ranks)
        : string.Join(", ", Ranks.Zip(Aliases, (rank, alias) => $"{rank} ({alias})"));

    /// <inheritdoc />
    public override string Describe() => $"{Name}: ordinal ranks [{string.Join(", ", Ranks)}]";

    /// <summary>CORAL's head: dropout, one shared weight vector, K − 1 biases.</summary>
    internal override Module<Tensor, Tensor> CreateHead(int featureCount) => new CoralHead(featureCount, RankCount);

    /// <inheritdoc />
    internal override TargetLoss CreateLoss(int offset) => new CoralLoss(offset, LossWeight);

    /// <summary>The expected rank, the sum of the threshold probabilities: what makes the rank higher.</summary>
    internal override Func<Tensor, Tensor> ExplainScore(Explanations.ExplainTarget target)
    {
        base.ExplainScore(target);
        return head => head.sigmoid().sum(1);
    }

    /// <summary>The cumulative probabilities P(rank &gt; k).</summary>
    internal override Tensor Activate(Tensor output) => output.sigmoid();

    /// <summary>The rank, the expected rank, then the K rank probabilities.</summary>
    internal override int DecodedWidth => RankCount + 2;

    /// <inheritdoc />
    internal override float[] Decode(ReadOnlySpan<float> activated, TargetStatistics statistics, int offset)
    {
        var cumulative = new double[activated.Length];
        for (int k = 0; k < cumulative.Length; k++) cumulative[k] = activated[k];
        var decoded = OrdinalDecoding.FromCumulative(cumulative);
        var values = new float[DecodedWidth];
        values[0] = decoded.Rank;
        values[1] = (float)decoded.ExpectedRank;
        for (int r = 0; r < RankCount; r++) values[r + 2] = (float)decoded.Probabilities[r];
        return values;
    }

    /// <inheritdoc />
    internal override TargetScorer CreateScorer(int index) => new OrdinalScorer(index, this);

    /// <inheritdoc />
    internal override string OnnxSuffix => "_ranks";

    /// <inheritdoc />
    internal override bool ExportsOnnx => true;

    /// <summary>
    /// As <see cref="Decode"/>: sigmoid, then per image [rank, expected rank, P(0) … P(K − 1)], the
    /// rank probabilities as differences of the cumulative ones, negative ones set to 0 and the rest
    /// divided by their sum (in float64, like the C# decoding).
    /// </summary>
    internal override string ExportOnnx(OnnxGraphBuilder graph, string head, OnnxTargetContext context)
    {
        long n = OnnxGraphBuilder.BatchDimension;
        int thresholds = RankCount - 1;
        var cumulative = graph.ToDouble(graph.Node("Sigmoid", [head], graph.ShapeOf(head)));
        long[] column = [n, 1];
        var half = graph.Constant("half", [0.5]);
        var rank = graph.Node("ReduceSum", [graph.Node("Cast", [graph.Node("Greater", [cumulative, half], [n, thresholds])], [n, thresholds],
            OnnxAttribute.Int("to", (long)Onnx.Protobuf.TensorProto.Types.DataType.Double)), graph.Constant("axis", [1L], 1)], column, OnnxAttribute.Int("keepdims", 1));
        var expected = graph.Node("ReduceSum", [cumulative, graph.Constant("axis", [1L], 1)], column, OnnxAttribute.Int("keepdims", 1));
        var first = graph.Node("Slice", [cumulative, graph.Constant("start", [0L], 1), graph.Constant("end", [1L], 1), graph.Constant("axis", [1L], 1)], column);
        var zeros = graph.Node("Mul", [first, graph.Constant("zero", [0.0])], column);
        var ones = graph.Node("Add", [zeros, graph.Constant("one", [1.0])], column);
        var above = graph.Node("Concat", [ones, cumulative], [n, RankCount], OnnxAttribute.Int("axis", 1));
        var beyond = graph.Node("Concat", [cumulative, zeros], [n, RankCount], OnnxAttribute.Int("axis", 1));
        var differences = graph.Node("Relu", [graph.Node("Sub", [above, beyond], [n, RankCount])], [n, RankCount]);
        var total = graph.Node("ReduceSum", [differences, graph.Constant("axis", [1L], 1)], column, OnnxAttribute.Int("keepdims", 1));
        var probabilities = graph.Node("Div", [differences, total], [n, RankCount]);
        return graph.ToFloat(graph.Node("Concat", [rank, expected, probabilities], [n, DecodedWidth], OnnxAttribute.Int("axis", 1)));
    }

    /// <inheritdoc />
    internal override string DescribeOutput() =>
        $"{Name} per image: the rank (0-based index), the expected rank, then each rank's probability, in this order: {string.Join(", ", Ranks)}.";

    /// <inheritdoc />
    internal override (string KeyPrefix, IReadOnlyList<string> Names)? OnnxOrder => (OnnxMetadata.ComponentsKeyPrefix, ["rank", "expected", .. Ranks]);

    /// <inheritdoc />
    internal override bool ReadsFolders => true;

    /// <inheritdoc />
    internal override bool Stratifies => true;

    /// <summary>CORAL's loss on the rank column: the sum over thresholds of binary cross-entropy, averaged over the batch.</summary>
    private sealed class CoralLoss(int offset, double weight) : TargetLoss(offset, weight)
    {
        private protected override Tensor Unweighted(Tensor output, Tensor targets, TargetStatistics? statistics) =>
            OrdinalLoss.Coral(output, targets[.., Offset]);
    }
}

/// <summary>An ordinal target's decoded outputs, for generated predictions.</summary>
public static class OrdinalOutputs
{
    /// <summary>The predicted rank's index of ordinal target <paramref name="target"/>.</summary>
    public static int Rank(this PredictionOutputs outputs, int target) => (int)outputs.Decoded(target)[0];

    /// <summary>The expected rank's index (a number in [0, K − 1]) of ordinal target <paramref name="target"/>.</summary>
    public static double ExpectedRank(this PredictionOutputs outputs, int target) => outputs.Decoded(target)[1];

    /// <summary>Each rank's probability, lowest rank first (a copy).</summary>
    public static float[] RankProbabilities(this PredictionOutputs outputs, int target) => outputs.Decoded(target)[2..];
}
