namespace ImageDsl.Tests.Generator;

/// <summary>One test per diagnostic of the target kinds (IMGDSL0020 on): the ID, at the marked span, and no code generated.</summary>
public class TargetDiagnosticTests
{
    private const string Types = """
        [System.Flags] public enum Tags { Even = 1, Loop = 2 }
        [System.Flags] public enum ZeroTags { None = 0, Even = 1, Loop = 2 }
        [System.Flags] public enum OverlapTags { Even = 1, Loop = 2, Both = 3 }
        public readonly record struct Point(float X, float Y);
        public readonly record struct Quad(float A, float B, float C, float D);
        public sealed class Locked { public float A { get; } public float B { get; } }
        public enum Lonely { Only }

        """;

    private static Task Reports(string id, string targets, string message) =>
        DiagnosticTests.AssertReports(id, Types + $"[ImageModel] public partial class Spec1 {{ {targets} }}", message);

    [Theory]
    [InlineData("[Labels([|Loss = LossFunction.BinaryCrossEntropy|])] public Digit Digit { get; init; }", "does not fit 'Digit', a multi-class target; use LossFunction.CrossEntropy")]
    [InlineData("[Range(0, 90, [|Loss = LossFunction.CrossEntropy|])] public float Angle { get; init; }", "does not fit 'Angle', a range target")]
    [InlineData("[Labels([|Loss = LossFunction.MeanSquaredError|])] public bool IsDefect { get; init; }", "a binary target; use LossFunction.BinaryCrossEntropy")]
    [InlineData("[Box([|Loss = LossFunction.CrossEntropy|])] public Quad Box { get; init; }", "a box target")]
    [InlineData("[Range(0, 90, [|Loss = LossFunction.Hinge|])] public float Angle { get; init; }", "does not fit 'Angle', a range target")]
    [InlineData("[Labels([|Loss = LossFunction.CategoricalHinge|])] public Tags Tags { get; init; }", "does not fit 'Tags', a multi-label target; use LossFunction.BinaryCrossEntropy")]
    [InlineData("[Vector([|Loss = LossFunction.CategoricalHinge|])] public Point P { get; init; }", "a vector target")]
    [InlineData("[Labels([|Loss = LossFunction.CategoricalHinge|])] public bool IsDefect { get; init; }", "a binary target; use LossFunction.BinaryCrossEntropy or LossFunction.Hinge")]
    [InlineData("[Ordinal(1, 5, [|Loss = LossFunction.CrossEntropy|])] public int Grade { get; init; }", "does not fit 'Grade', an ordinal target; use LossFunction.BinaryCrossEntropy")]
    public Task IMGDSL0020_loss_does_not_fit(string target, string message) => Reports("IMGDSL0020", target, message);

    [Theory]
    [InlineData("[Labels([|Threshold = 0.7|], Loss = LossFunction.Hinge)] public bool IsDefect { get; init; }", "it is trained with Hinge, whose raw score")]
    [InlineData("[Labels([|LabelSmoothing = 0.1|], Loss = LossFunction.CategoricalHinge)] public Digit Digit { get; init; }", "on raw scores, which have no label smoothing")]
    [InlineData("[[|Ordinal(1, 3)|]] public Digit Digit { get; init; }", "an enum target's ranks are its members")]
    public Task IMGDSL0032_hinge_and_ordinal_options_that_do_not_apply(string target, string message) => Reports("IMGDSL0032", target, message);

    [Theory]
    [InlineData("[[|Ordinal|]] public int Grade { get; init; }", "an int target declares its ranks: [Ordinal(first, last)]")]
    [InlineData("[[|Ordinal(5, 1)|]] public int Grade { get; init; }", "ranks 5 to 1: the last must be above the first")]
    [InlineData("[[|Ordinal(0, 100)|]] public int Grade { get; init; }", "at most 100 ranks")]
    [InlineData("[Ordinal] public [|Lonely|] Rank { get; init; }", "has 1 member(s); an ordinal target has 2 to 100 ranks")]
    public Task IMGDSL0043_invalid_target_declaration_ordinal_ranks(string target, string message) => Reports("IMGDSL0043", target, message);

    [Theory]
    [InlineData("[[|Map(Min = 5, Max = 1)|]] public ValueMap Depth { get; init; } = null!;", "Min below Max")]
    [InlineData("[[|Map(Min = 1)|]] public ValueMap Depth { get; init; } = null!;", "Min and Max are declared together")]
    [InlineData("[[|Map(Log = true, Min = 0, Max = 10)|]] public ValueMap Depth { get; init; } = null!;", "a Log map has positive values, and Min is 0")]
    [InlineData("[Map([|Scale = -1|])] public ValueMap Depth { get; init; } = null!;", "Scale is -1; it must be positive")]
    [InlineData("[[|Map(Width = -2)|]] public ValueMap Depth { get; init; } = null!;", "its output size -2x0 must be 1 to 4096")]
    [InlineData("[Mask] public [|LabelMap<Tags>|] Parts { get; init; } = null!;", "their values must run 0, 1, 2... without gaps")]
    [InlineData("[Mask([|IgnoreLabel = 1|])] public LabelMap<Digit> Parts { get; init; } = null!;", "IgnoreLabel 1 must be a pixel value that is no class")]
    [InlineData("[Mask([|ClassWeights = new[] { 1.0, 2.0 }|])] public LabelMap<Digit> Parts { get; init; } = null!;", "ClassWeights has 2 weights")]
    public Task IMGDSL0043_invalid_dense_targets(string target, string message) => Reports("IMGDSL0043", target, message);

    [Theory]
    [InlineData("[Map] public [|float[]|] Depth { get; init; } = [];", "ImageDsl.ValueMap")]
    [InlineData("[Mask] public [|int[]|] Parts { get; init; } = [];", "ImageDsl.LabelMap<TEnum> of an enum")]
    public Task IMGDSL0004_dense_targets_need_their_map_types(string target, string message) => Reports("IMGDSL0004", target, message);

    [Theory]
    [InlineData("[Map([|Loss = LossFunction.CrossEntropy|])] public ValueMap Depth { get; init; } = null!;", "a map target")]
    [InlineData("[Mask([|Loss = LossFunction.MeanAbsoluteError|])] public LabelMap<Digit> Parts { get; init; } = null!;", "a mask target")]
    public Task IMGDSL0020_dense_losses(string target, string message) => Reports("IMGDSL0020", target, message);

    [Theory]
    [InlineData("[Ordinal(1, 5)] public [|float|] Grade { get; init; }", "'Grade' has type 'float'")]
    [InlineData("[Ordinal] public [|string|] Grade { get; init; } = \"\";", "an enum (its members are the ranks) or an int")]
    public Task IMGDSL0004_ordinal_needs_an_enum_or_an_int(string target, string message) => Reports("IMGDSL0004", target, message);

    [Fact]
    public Task IMGDSL0021_ordinal_metrics() =>
        Reports("IMGDSL0021", "[Ordinal(1, 5, [|Metrics = Metric.RocAuc|])] public int Grade { get; init; }", "Metric.RocAuc does not apply to 'Grade', an ordinal target");

    [Theory]
    [InlineData("[Range(0, 100, [|Metrics = Metric.Accuracy|])] public float Age { get; init; }", "Metric.Accuracy does not apply to 'Age', a range target")]
    [InlineData("[Labels([|Metrics = Metric.Accuracy | Metric.MeanIoU|])] public Digit Digit { get; init; }", "Metric.MeanIoU does not apply to 'Digit'")]
    [InlineData("[Vector([|Metrics = Metric.MeanIoU|])] public Point P { get; init; }", "a vector target")]
    public Task IMGDSL0021_metric_does_not_apply(string target, string message) => Reports("IMGDSL0021", target, message);

    [Fact]
    public Task IMGDSL0022_duplicate_labels() =>
        Reports("IMGDSL0022", "[[|Labels(\"cat\", \"dog\", \"Cat\")|]] public string Species { get; init; } = \"cat\";", "lists the label 'Cat' twice");

    [Theory]
    [InlineData("[[|Labels|]] public string Species { get; init; } = \"\";", "listing 0 label(s)")]
    [InlineData("[[|Labels(\"cat\")|]] public string Species { get; init; } = \"\";", "listing 1 label(s)")]
    public Task IMGDSL0023_label_list_too_short(string target, string message) => Reports("IMGDSL0023", target, message);

    [Theory]
    [InlineData("[[|Vector|]] public float[] Keypoints { get; init; } = [];")]
    [InlineData("[Vector([|Length = 0|])] public double[] Keypoints { get; init; } = [];")]
    public Task IMGDSL0024_vector_length_missing(string target) => Reports("IMGDSL0024", target, "'Keypoints' is an array, so [Vector] must declare its Length");

    [Theory]
    [InlineData("[Vector([|Length = 3|])] public Point Center { get; init; }", "'Center' has 2 components, but Length is 3")]
    [InlineData("[Vector(Length = 4, [|Columns = new[] { \"a\", \"b\" }|])] public float[] Pair { get; init; } = [];", "'Pair' has 4 components, but Columns lists 2")]
    [InlineData("[Box] public [|Point|] Box { get; init; }", "a box has exactly four numbers")]
    [InlineData("[Vector(Length = 3, [|Points = true|])] public float[] Marks { get; init; } = new float[3];", "'Marks' has 3 components, but Points = true needs (x, y) pairs")]
    public Task IMGDSL0025_vector_length_mismatch(string target, string message) => Reports("IMGDSL0025", target, message);

    [Theory]
    [InlineData("[[|Range(0, 180, Periodic = true, Unit = \"degrees\")|]] public float Heading { get; init; }", "a span of 180, but a full turn in degrees is 360")]
    [InlineData("[[|Range(0, 3, Periodic = true, Unit = \"rad\")|]] public float Heading { get; init; }", "a full turn in rad is 2π")]
    [InlineData("[[|Range(0, 100, Periodic = true, Period = 50)|]] public float Phase { get; init; }", "the declared Period is 50")]
    public Task IMGDSL0026_not_a_full_period(string target, string message) => Reports("IMGDSL0026", target, message);

    [Theory]
    [InlineData("[Labels] public Digit [|Digit|] { get; }", "'Digit' cannot be set by the generated data binding: it has no setter or init accessor")]
    [InlineData("[Vector] public [|Locked|] Z { get; init; } = new();", "has no constructor taking float or double members")]
    public Task IMGDSL0027_cannot_be_set(string target, string message) => Reports("IMGDSL0027", target, message);

    [Fact]
    public Task IMGDSL0027_required_member_that_is_not_a_target() => DiagnosticTests.AssertReports("IMGDSL0027",
        "[ImageModel] public partial class [|Spec1|] { [Labels] public Digit Digit { get; init; } public required string Note { get; init; } }",
        "its required member 'Note' is not a target");

    [Fact]
    public Task IMGDSL0028_zero_flag() => Reports("IMGDSL0028", "[Labels] public [|ZeroTags|] Tags { get; init; }", "'None' of the [Flags] enum 'Demo.ZeroTags' is 0");

    [Fact]
    public Task IMGDSL0029_overlapping_flags() => Reports("IMGDSL0029", "[Labels] public [|OverlapTags|] Tags { get; init; }", "'Even' and 'Both' of the [Flags] enum 'Demo.OverlapTags' share bits");

    [Theory]
    [InlineData("[Labels([|Threshold = 1.5|])] public bool IsDefect { get; init; }", "Threshold of 'IsDefect' is 1.5")]
    [InlineData("[Labels([|Thresholds = new[] { 0.5 }|])] public Tags Tags { get; init; }", "has 1 value(s), but there is one per label: 2")]
    [InlineData("[Labels([|Thresholds = new[] { 0.5, 0.0 }|])] public Tags Tags { get; init; }", "holds 0")]
    public Task IMGDSL0030_invalid_threshold(string target, string message) => Reports("IMGDSL0030", target, message);

    [Theory]
    [InlineData("[Labels([|ClassWeights = new[] { 1.0, 2.0 }|])] public Digit Digit { get; init; }", "ClassWeights of 'Digit' has 2 value(s), but there is one per label: 3")]
    [InlineData("[Labels([|PositiveWeight = -1|])] public bool IsDefect { get; init; }", "PositiveWeight of 'IsDefect' is -1")]
    [InlineData("[Labels([|PositiveWeights = new[] { 1.0, 0.0 }|])] public Tags Tags { get; init; }", "holds 0")]
    public Task IMGDSL0031_invalid_weights(string target, string message) => Reports("IMGDSL0031", target, message);

    [Theory]
    [InlineData("[Labels([|Threshold = 0.7|])] public Digit Digit { get; init; }", "Threshold does not apply to 'Digit': it is a multi-class target")]
    [InlineData("[[|Labels(\"ok\", \"defect\", \"unknown\")|]] public bool IsDefect { get; init; }", "a bool target names exactly two labels")]
    [InlineData("[[|Labels(\"a\", \"b\")|]] public Digit Digit { get; init; }", "an enum target's labels are its members")]
    [InlineData("[Labels([|LabelSmoothing = 0.1|])] public Tags Tags { get; init; }", "it is a multi-label target")]
    [InlineData("[Range(0, 360, [|Period = 360|])] public float Heading { get; init; }", "Period does not apply to 'Heading': it is not Periodic")]
    [InlineData("[Range(-45, 45, Unit = \"px\", [|ImageRotation = RotationSense.CounterClockwise|])] public float Angle { get; init; }", "ImageRotation does not apply to 'Angle': it needs Unit = \"degrees\" or \"radians\"")]
    public Task IMGDSL0032_option_does_not_apply(string target, string message) => Reports("IMGDSL0032", target, message);

    [Theory]
    [InlineData("[Vector] public Point Center { get; init; } [Box] public Quad [|Box|] { get; init; }", "'Box' reads the CSV column 'x', which 'Center' reads too")]
    [InlineData("[Labels] public Digit Digit { get; init; } [Range(0, 1, Column = \"DIGIT\")] public float [|Score|] { get; init; }", "'Score' reads the CSV column 'DIGIT', which 'Digit' reads too")]
    public Task IMGDSL0033_duplicate_column(string targets, string message) => Reports("IMGDSL0033", targets, message);

    [Theory]
    [InlineData("[Labels, [|Value|]] public float Both { get; init; }", "'Both' is marked with both [Labels] and [Value]")]
    [InlineData("[Vector(Length = 2)] [[|Box|]] public float[] Both { get; init; } = [];", "both [Vector] and [Box]")]
    public Task IMGDSL0009_two_target_attributes(string target, string message) => Reports("IMGDSL0009", target, message);
}
