using Microsoft.CodeAnalysis;

namespace ImageDsl.Tests.Generator;

/// <summary>
/// One test per diagnostic: the analyzer reports exactly that ID at the marked span <c>[|...|]</c>,
/// the generator writes nothing for the broken spec and does not throw.
/// </summary>
public class DiagnosticTests
{
    private const string Preamble = """
        using ImageDsl;

        namespace Demo;

        public enum Digit { Zero, One, Two }
        public enum OnlyOne { Alone }
        public enum NoMembers { }
        public enum Twins { First = 1, Second = 1 }

        """;

    private const string DigitTarget = "[Labels] public Digit Digit { get; init; }";

    internal static async Task AssertReports(string id, string markup, string messagePart, int validSpecs = 0)
    {
        var (source, span) = Markup.Parse(Preamble + markup);
        var compilation = GeneratorHarness.Compile(source);
        var compilerErrors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(compilerErrors.Count == 0, "The test source itself does not compile:\n" + GeneratorHarness.Format(compilerErrors));

        var diagnostics = (await GeneratorHarness.AnalyzeAsync(compilation)).Where(d => d.Id.StartsWith("IMGDSL", StringComparison.Ordinal)).ToList();
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.True(span == diagnostic.Location.SourceSpan,
            $"Expected at '{source.Substring(span.Start, span.Length)}' but reported at '{source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length)}'.");
        Assert.Contains(messagePart, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));

        var run = GeneratorHarness.Run(compilation);
        Assert.Null(run.Result.Exception);
        Assert.Empty(run.Diagnostics);
        Assert.Equal(validSpecs, run.Result.GeneratedSources.Length);
    }

    [Theory]
    [InlineData("[ImageModel] public class [|DigitClassifier|] { " + DigitTarget + " }", "'DigitClassifier' must be declared partial")]
    [InlineData("public class [|Outer|] { [ImageModel] public partial class Inner { " + DigitTarget + " } }", "'Outer' must be declared partial")]
    public Task IMGDSL0001_class_not_partial(string markup, string message) => AssertReports("IMGDSL0001", markup, message);

    [Fact]
    public Task IMGDSL0002_no_target() => AssertReports("IMGDSL0002",
        "[ImageModel] public partial class [|Nothing|] { public int NotATarget { get; set; } }",
        "'Nothing' declares no target");

    [Theory]
    [InlineData("[[|Range(5, 5)|]] public float Angle { get; init; }", "Range(5, 5)")]
    [InlineData("[[|Range(max: 0, min: 1)|]] public float Angle { get; init; }", "Range(1, 0)")]
    [InlineData("[[|Range(double.NegativeInfinity, 1)|]] public double Angle { get; init; }", "Range(-Infinity, 1)")]
    [InlineData("[[|Range(double.NaN, 1)|]] public double Angle { get; init; }", "Range(NaN, 1)")]
    public Task IMGDSL0003_range_min_not_below_max(string target, string message) =>
        AssertReports("IMGDSL0003", $"[ImageModel] public partial class Spec1 {{ {target} }}", message);

    [Theory]
    [InlineData("[Labels] public [|int|] Count { get; init; }", "'Count' has type 'int', but a [Labels] target must be an enum")]
    [InlineData("[Labels] public [|Digit?|] Maybe { get; init; }", "'Maybe' has type 'Demo.Digit?'")]
    [InlineData("[Range(0, 1)] public [|int|] Count { get; init; }", "'Count' has type 'int', but a [Range] target must be float or double")]
    [InlineData("[Range(0, 1)] public [|decimal|] Price { get; init; }", "'Price' has type 'decimal'")]
    [InlineData("[Range(0, 1)] public [|Digit|] Wrong { get; init; }", "'Wrong' has type 'Demo.Digit'")]
    public Task IMGDSL0004_unsupported_property_type(string target, string message) =>
        AssertReports("IMGDSL0004", $"[ImageModel] public partial class Spec1 {{ {target} }}", message);

    [Theory]
    [InlineData("[Labels] public [|OnlyOne|] Label { get; init; }", "has only the member 'Alone'")]
    [InlineData("[Labels] public [|NoMembers|] Label { get; init; }", "has no members")]
    public Task IMGDSL0005_fewer_than_two_labels(string target, string message) =>
        AssertReports("IMGDSL0005", $"[ImageModel] public partial class Spec1 {{ {target} }}", message);

    [Theory]
    [InlineData("[ImageModel([|Width = 0|])]", "Width = 0 is outside the supported range 1 to 4096")]
    [InlineData("[ImageModel(Width = 28, [|Height = 5000|])]", "Height = 5000")]
    [InlineData("[ImageModel([|Height = -1|], Width = 8)]", "Height = -1")]
    public Task IMGDSL0006_input_size(string attribute, string message) =>
        AssertReports("IMGDSL0006", $"{attribute} public partial class Spec1 {{ {DigitTarget} }}", message);

    [Theory]
    [InlineData("[ImageModel([|Channels = 2|])]", "Channels = 2 is not supported")]
    [InlineData("[ImageModel(Width = 32, [|Channels = 0|])]", "Channels = 0")]
    public Task IMGDSL0007_channels(string attribute, string message) =>
        AssertReports("IMGDSL0007", $"{attribute} public partial class Spec1 {{ {DigitTarget} }}", message);

    [Theory]
    [InlineData("public static int [|Spec|] => 1;", "needs to declare 'Spec' in 'Spec1', but 'Demo.Spec1' already declares")]
    [InlineData("public void [|LoadCsv|]() { }", "'LoadCsv'")]
    [InlineData("public int [|DigitLabels|] { get; set; }", "'DigitLabels'")]
    [InlineData("private static readonly Digit[] [|DigitLabelArray|] = [];", "'DigitLabelArray'")]
    [InlineData("public class [|Model|] { }", "'Model'")]
    [InlineData("public delegate void [|Prediction|]();", "'Prediction'")]
    [InlineData("public class [|OnnxPredictor|] { }", "'OnnxPredictor'")]
    public Task IMGDSL0008_member_already_declared(string member, string message) =>
        AssertReports("IMGDSL0008", $"[ImageModel] public partial class Spec1 {{ {DigitTarget} {member} }}", message);

    [Fact]
    public Task IMGDSL0008_member_inherited_from_a_base_class() => AssertReports("IMGDSL0008",
        $"public class Base {{ public static int Network => 1; }} [ImageModel] public partial class [|Spec1|] : Base {{ {DigitTarget} }}",
        "needs to declare 'Network' in 'Spec1', but 'Demo.Base' already declares");

    [Theory]
    [InlineData("[Labels, [|Range(0, 1)|]] public Digit Both { get; init; }")]
    [InlineData("[Range(0, 1)] [[|Labels|]] public float Both { get; init; }")]
    public Task IMGDSL0009_labels_and_range(string target) =>
        AssertReports("IMGDSL0009", $"[ImageModel] public partial class Spec1 {{ {target} }}", "'Both' is marked with both [");

    [Theory]
    [InlineData("[ImageModel] public static partial class [|Spec1|] { }", "'Spec1' is static")]
    [InlineData("[ImageModel] public partial class [|Spec1|]<T> { " + DigitTarget + " }", "'Spec1' is generic")]
    [InlineData("[ImageModel] file partial class [|Spec1|] { " + DigitTarget + " }", "'Spec1' is file-local")]
    [InlineData("public partial class Outer<T> { [ImageModel] public partial class [|Spec1|] { " + DigitTarget + " } }", "is nested in the generic type 'Demo.Outer<T>'")]
    public Task IMGDSL0010_unsupported_class(string markup, string message) => AssertReports("IMGDSL0010", markup, message);

    [Fact]
    public Task IMGDSL0010_spec_deriving_from_a_spec() => AssertReports("IMGDSL0010",
        $"[ImageModel] public partial class Spec1 {{ {DigitTarget} }} [ImageModel] public partial class [|Spec2|] : Spec1 {{ }}",
        "'Spec2' derives from the image model spec 'Demo.Spec1'",
        validSpecs: 1);

    [Theory]
    [InlineData("[Labels([|LossWeight = 0|])] public Digit Digit { get; init; }", "LossWeight of 'Digit' is 0")]
    [InlineData("[Labels([|LossWeight = -1.5|])] public Digit Digit { get; init; }", "LossWeight of 'Digit' is -1.5")]
    [InlineData("[Range(0, 1, [|LossWeight = double.NaN|])] public float Angle { get; init; }", "LossWeight of 'Angle' is NaN")]
    [InlineData("[Range(0, 1, [|LossWeight = double.PositiveInfinity|])] public float Angle { get; init; }", "is Infinity")]
    public Task IMGDSL0011_loss_weight(string target, string message) =>
        AssertReports("IMGDSL0011", $"[ImageModel] public partial class Spec1 {{ {target} }}", message);

    [Theory]
    [InlineData("[Labels([|LabelSmoothing = 1|])] public Digit Digit { get; init; }", "LabelSmoothing of 'Digit' is 1")]
    [InlineData("[Labels([|LabelSmoothing = -0.1|])] public Digit Digit { get; init; }", "is -0.1")]
    [InlineData("[Labels([|LabelSmoothing = double.NaN|])] public Digit Digit { get; init; }", "is NaN")]
    public Task IMGDSL0012_label_smoothing(string target, string message) =>
        AssertReports("IMGDSL0012", $"[ImageModel] public partial class Spec1 {{ {target} }}", message);

    [Theory]
    [InlineData("[Labels] public Digit [|Digit|] { set { } }")]
    [InlineData("[Range(0, 1)] public float [|Digit|] { set { } }")]
    public Task IMGDSL0013_target_without_getter(string target) =>
        AssertReports("IMGDSL0013", $"[ImageModel] public partial class Spec1 {{ {target} }}", "Target property 'Digit' has no getter");

    [Theory]
    [InlineData("[Labels] public static Digit [|Digit|] { get; set; }", "is static")]
    [InlineData("[Labels] public Digit [|this|][int i] => Digit.Zero;", "is an indexer")]
    public Task IMGDSL0014_target_not_an_instance_property(string target, string message) =>
        AssertReports("IMGDSL0014", $"[ImageModel] public partial class Spec1 {{ {target} }}", message);

    [Fact]
    public Task IMGDSL0014_explicit_interface_implementation() => AssertReports("IMGDSL0014",
        "public interface IHasDigit { Digit Digit { get; } } [ImageModel] public partial class Spec1 : IHasDigit { [Labels] Digit IHasDigit.[|Digit|] => Digit.Zero; }",
        "is an explicit interface implementation");

    [Fact]
    public Task IMGDSL0015_duplicate_label_values() => AssertReports("IMGDSL0015",
        "[ImageModel] public partial class Spec1 { [Labels] public [|Twins|] Pair { get; init; } }",
        "The label enum 'Demo.Twins' gives 'First' and 'Second' the same value 1");

    [Theory]
    [InlineData("[|HuberDelta = 0|]", "HuberDelta of 'Angle' is 0")]
    [InlineData("Loss = LossFunction.Huber, [|HuberDelta = -2|]", "is -2")]
    public Task IMGDSL0016_huber_delta(string arguments, string message) =>
        AssertReports("IMGDSL0016", $"[ImageModel] public partial class Spec1 {{ [Range(0, 1, {arguments})] public float Angle {{ get; init; }} }}", message);

    [Theory]
    [InlineData("[ImageModel([|Backbone = (Backbone)77|])] public partial class Spec1 { " + DigitTarget + " }", "Backbone = 77 is not a member of 'ImageDsl.Backbone'")]
    [InlineData("[ImageModel] public partial class Spec1 { [Range(0, 1, [|Loss = (LossFunction)99|])] public float Angle { get; init; } }", "Loss = 99 is not a member of 'ImageDsl.LossFunction'")]
    public Task IMGDSL0017_unknown_enum_value(string markup, string message) => AssertReports("IMGDSL0017", markup, message);

    [Theory]
    [InlineData("[ImageModel] public partial class [|Model|] { " + DigitTarget + " }", "The name 'Model' conflicts with the generated 'Model.Model'")]
    [InlineData("[ImageModel] public partial class [|DigitLabels|] { " + DigitTarget + " }", "generated 'DigitLabels.DigitLabels'")]
    [InlineData("[ImageModel] public partial class Spec1 { [Labels] public Digit [|Result|] { get; init; } }", "The name 'Result' conflicts with the generated 'Evaluation.Result'")]
    [InlineData("[ImageModel] public partial class Spec1 { " + DigitTarget + " [Range(0, 1)] public float [|DigitProbabilities|] { get; init; } }", "generated 'Prediction.DigitProbabilities'")]
    [InlineData("[ImageModel] public partial class Spec1 { [Range(0, 1)] public float [|EqualityContract|] { get; init; } }", "generated 'Prediction.EqualityContract'")]
    public Task IMGDSL0018_name_conflict(string markup, string message) => AssertReports("IMGDSL0018", markup, message);

    [Theory]
    [InlineData("public enum Network { Wired, Wireless } [ImageModel] public partial class Spec1 { [Labels] public [|Network|] Link { get; init; } }",
        "The name 'Network' conflicts with the generated 'Spec1.Network'; inside 'Spec1' the type of 'Link' would mean the generated type; write the type with its namespace")]
    [InlineData("public readonly record struct Prediction(float X, float Y); [ImageModel] public partial class Spec1 { [Vector] public [|Prediction|] Point { get; init; } }", "generated 'Spec1.Prediction'")]
    [InlineData("public enum Binding { A, B } [ImageModel] public partial class Spec1 { [Labels] public System.Collections.Generic.IReadOnlySet<[|Binding|]> Set { get; init; } = null!; }", "generated 'Spec1.Binding'")]
    [InlineData("public static class Model { public enum Kind { A, B } } [ImageModel] public partial class Spec1 { [Labels] public [|Model|].Kind Kind { get; init; } }", "generated 'Spec1.Model'")]
    [InlineData("public enum Evaluation { A, B } [ImageModel] public partial record Spec1([property: Labels] [|Evaluation|] Grade);", "generated 'Spec1.Evaluation'")]
    public Task IMGDSL0018_a_target_type_named_like_a_generated_type(string markup, string message) => AssertReports("IMGDSL0018", markup, message);

    [Theory]
    [InlineData("public enum Network { Wired, Wireless } [ImageModel] public partial class Spec1 { [Labels] public Demo.Network Link { get; init; } }")]
    [InlineData("public enum Network { Wired, Wireless } [ImageModel] public partial class Spec1 { [Labels] public global::Demo.Network Link { get; init; } }")]
    [InlineData("public enum Network { Wired, Wireless } public class Base { [Labels] public Network Link { get; init; } } [ImageModel] public partial class Spec1 : Base { }")]
    public Task A_target_type_named_like_a_generated_type_but_written_so_that_it_keeps_its_meaning_compiles(string markup) =>
        GeneratorHarness.AssertCompilesCleanlyAsync(1, "#pragma warning disable CS1591\n" + Preamble + markup);

    [Theory]
    [InlineData("[Labels([|Column = \"\"|])] public Digit Digit { get; init; }")]
    [InlineData("[Labels([|Column = \"  \"|])] public Digit Digit { get; init; }")]
    public Task IMGDSL0019_empty_column(string target) =>
        AssertReports("IMGDSL0019", $"[ImageModel] public partial class Spec1 {{ {target} }}", "Column of 'Digit' is empty");

    [Fact]
    public async Task Several_problems_are_all_reported_at_once()
    {
        var compilation = GeneratorHarness.Compile(Preamble + """
            [ImageModel(Width = 0, Channels = 4)]
            public partial class Spec1
            {
                [Labels(LossWeight = 0)] public OnlyOne Label { get; init; }
                [Range(1, 0)] public int Value { get; init; }
            }
            """);

        var ids = (await GeneratorHarness.AnalyzeAsync(compilation)).Select(d => d.Id).Order().ToArray();

        Assert.Equal(["IMGDSL0004", "IMGDSL0005", "IMGDSL0006", "IMGDSL0007", "IMGDSL0011"], ids);
    }
}
