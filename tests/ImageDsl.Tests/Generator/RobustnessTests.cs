using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ImageDsl.Tests.Generator;

/// <summary>
/// Code being typed is broken most of the time. Neither the generator nor the analyzer may
/// throw on it (a generator exception is warning CS8785 and drops all generated code), and
/// generated code may add no error to a compilation that had none.
/// </summary>
public class RobustnessTests
{
    private const string Preamble = """
        using ImageDsl;
        namespace Demo;
        public enum Digit { Zero, One, Two }

        """;

    private static async Task AssertSurvives(string source, string description)
    {
        var compilation = GeneratorHarness.Compile(source);
        var run = GeneratorHarness.Run(compilation);

        Assert.True(run.Result.Exception is null, $"{description}: the generator threw {run.Result.Exception}");
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "CS8785");
        await GeneratorHarness.AnalyzeAsync(compilation);
        if (!compilation.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            var generatedTrees = run.Result.GeneratedSources.Select(s => s.SyntaxTree).ToHashSet();
            var errors = run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && generatedTrees.Contains(d.Location.SourceTree!)).ToList();
            Assert.True(errors.Count == 0, $"{description}: the generated code has errors:\n{GeneratorHarness.Format(errors)}");
        }
    }

    [Fact]
    public async Task Deleting_any_single_token_of_a_spec()
    {
        var source = SpecSources.Mixed;
        var tokens = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens()
            .Where(t => !t.IsKind(SyntaxKind.EndOfFileToken))
            .ToList();
        Assert.True(tokens.Count > 100);
        foreach (var token in tokens)
            await AssertSurvives(source.Remove(token.SpanStart, token.Span.Length), $"Without '{token.Text}' at {token.SpanStart}");
    }

    [Fact]
    public async Task Cutting_a_spec_off_anywhere()
    {
        var source = SpecSources.Mixed;
        for (int length = 0; length < source.Length; length += 23)
            await AssertSurvives(source.Substring(0, length), $"Cut at {length}");
    }

    [Theory]
    [InlineData("[ImageModel(Width = \"wide\")] public partial class S { [Labels] public Digit D { get; init; } }")]
    [InlineData("[ImageModel(Width = )] public partial class S { [Labels] public Digit D { get; init; } }")]
    [InlineData("[ImageModel(Width = 28, Width = 32)] public partial class S { [Labels] public Digit D { get; init; } }")]
    [InlineData("[ImageModel(28, 28)] public partial class S { [Labels] public Digit D { get; init; } }")]
    [InlineData("[ImageModel(Backbone = 5)] public partial class S { [Labels] public Digit D { get; init; } }")]
    [InlineData("[ImageModel(Width = int.MaxValue, Height = int.MinValue)] public partial class S { [Labels] public Digit D { get; init; } }")]
    [InlineData("[ImageModel] public partial class S { [Range(\"a\", 1)] public float X { get; init; } }")]
    [InlineData("[ImageModel] public partial class S { [Range(1)] public float X { get; init; } }")]
    [InlineData("[ImageModel] public partial class S { [Range] public float X { get; init; } }")]
    [InlineData("[ImageModel] public partial class S { [Range(0, 1, 2)] public float X { get; init; } }")]
    [InlineData("[ImageModel] public partial class S { [Range(max: 1, min: 0, Unit = 5)] public float X { get; init; } }")]
    [InlineData("[ImageModel] public partial class S { [Range(0, 1, Loss = (LossFunction)(-1))] public float X { get; init; } }")]
    [InlineData("[ImageModel] public partial class S { [Range(0, 1, Unit = null, Column = null)] public float X { get; init; } }")]
    [InlineData("[ImageModel] public partial class S { [Labels(Column = 5)] public Digit D { get; init; } }")]
    [InlineData("[ImageModel] public partial class S { [Labels(LossWeight = \"x\")] public Digit D { get; init; } }")]
    [InlineData("[ImageModel] public partial class S { [Labels(Nope = 1)] public Digit D { get; init; } }")]
    [InlineData("[ImageModel] public partial class S { [Labels] public Unknown D { get; init; } }")]
    [InlineData("[ImageModel] public partial class S { [Labels] public Digit { get; init; } }")]
    [InlineData("[ImageModel] public partial class S { [Labels] public Digit D { get; init; } [Labels] public Digit D { get; init; } }")]
    [InlineData("[ImageModel] public partial class S { [Labels] public Broken D { get; init; } } public enum Broken { A = B, B = A }")]
    [InlineData("[ImageModel] public partial class S { [Labels] public Broken D { get; init; } } public enum Broken { A = \"x\", B }")]
    [InlineData("[ImageModel] public partial struct S { [Labels] public Digit D { get; init; } }")]
    [InlineData("[ImageModel] public partial record struct S([property: Labels] Digit D);")]
    [InlineData("[ImageModel] public enum E { A, B }")]
    [InlineData("[ImageModel] public partial interface I { }")]
    [InlineData("[ImageModel, ImageModel] public partial class S { [Labels] public Digit D { get; init; } }")]
    [InlineData("[ImageModel] public partial class S { [Labels] public Digit D { get; init; } } [ImageModel] public partial class S { }")]
    [InlineData("[ImageModel] public partial class S : S { [Labels] public Digit D { get; init; } }")]
    [InlineData("[ImageModel] public partial class S : Missing { [Labels] public Digit D { get; init; } }")]
    [InlineData("public partial class O { [ImageModel] public partial class O { [Labels] public Digit D { get; init; } } }")]
    [InlineData("public partial enum E { [ImageModel] public partial class S { [Labels] public Digit D { get; init; } } }")]
    [InlineData("public class Host { void M() { [ImageModel] partial class S { [Labels] public Digit D { get; init; } } } }")]
    [InlineData("[ImageModel] public partial class Ünïcødé { [Labels] public Digit Dïgït { get; init; } }")]
    [InlineData("[ImageModel] public partial class S { [Labels] public Digit D { get; init; } public static int Spec; public static int Spec; }")]
    [InlineData("[ImageModel] public abstract partial class S { [Labels] public abstract Digit D { get; init; } }")]
    [InlineData("[ImageModel] public partial class S { [Labels] public required Digit D { get; init; } [Range(0, 1)] public ref float R => throw null!; }")]
    [InlineData("[ImageModel] public partial class S { [Vector(Length = -1)] public float[] V { get; init; } = []; }")]
    [InlineData("[ImageModel] public partial class S { [Vector(Length = 2, Columns = null)] public float[] V { get; init; } = []; }")]
    [InlineData("[ImageModel] public partial class S { [Vector(Columns = new string[] { null!, \"\" })] public float[] V { get; init; } = []; }")]
    [InlineData("[ImageModel] public partial class S { [Box((BoxFormat)7)] public BoundingBox B { get; init; } }")]
    [InlineData("[ImageModel] public partial class S { [Box(Min = 5)] public BoundingBox B { get; init; } }")]
    [InlineData("[ImageModel] public partial class S { [Labels(Thresholds = null, PositiveWeights = null)] public Big T { get; init; } } [System.Flags] public enum Big : ulong { A = 1, B = 0x8000000000000000 }")]
    [InlineData("[ImageModel] public partial class S { [Labels(ClassWeights = new double[0])] public Digit D { get; init; } }")]
    [InlineData("[ImageModel] public partial class S { [Range(0, 360, Periodic = true, Period = double.NaN)] public float H { get; init; } }")]
    [InlineData("[ImageModel] public partial class S { [Labels] public System.Collections.Generic.IReadOnlySet<Unknown> T { get; init; } }")]
    [InlineData("[ImageModel] public partial class S { [Vector] public Missing V { get; init; } }")]
    [InlineData("[ImageModel] public partial class S { [Labels(null)] public string L { get; init; } = \"\"; }")]
    [InlineData("[ImageModel] public partial class S { [Labels(\"a\", null)] public string L { get; init; } = \"\"; }")]
    [InlineData("[ImageModel] public partial class S { [Labels(Metrics = (Metric)(-1))] public Digit D { get; init; } }")]
    [InlineData("[ImageModel] public partial class S { [Vector] public S Self { get; init; } = null!; }")]
    [InlineData("[ImageModel] public partial class S { [Vector] public P V { get; init; } } public record P(float X) { public P() : this(0) { } public float Y { get; set; } }")]
    [InlineData("[ImageModel] public partial record S([property: Labels] Digit D, int Extra); ")]
    [InlineData("[ImageModel] public partial class S : Base { } public class Base { [Labels] public Missing D { get; init; } }")]
    [InlineData("[ImageModel] public partial class S : Base<Missing> { } public class Base<T> { [Labels] public T D { get; init; } = default!; }")]
    [InlineData("[ImageModel] public partial class S { [System.Obsolete(5, true)] [Labels] public Digit D { get; init; } }")]
    [InlineData("[ImageModel] public partial class S { [System.Obsolete(\"x\", \"y\")] [Labels] public Digit D { get; init; } }")]
    [InlineData("[ImageModel] public partial class S { [Labels] public E D { get; init; } } public enum E { A, [System.Diagnostics.CodeAnalysis.Experimental] B }")]
    [InlineData("[ImageModel] public partial class S { [Labels] public E D { get; init; } } public enum E { A, [System.Obsolete(\"\", true)] B = A, C }")]
    [InlineData("[ImageModel] public partial class S { [Vector] public P V { get; init; } } public struct P { public float X; public Missing Y; }")]
    [InlineData("[ImageModel] public partial class S { [Vector] public P V { get; init; } = null!; } public class P : Missing { public float X { get; set; } }")]
    [InlineData("[ImageModel] public partial class S { [Labels] public Model.Kind K { get; init; } }")]
    [InlineData("[ImageModel] public partial class S { [Labels] public global::Model K { get; init; } }")]
    [InlineData("[ImageModel] public partial class S { [Labels] public Digit D { get; init; } } [ImageModel] public partial record S { [Labels] public Digit E { get; init; } }")]
    [InlineData("[ImageModel] public partial class S { [Labels] public Digit D { get; init; } } [ImageModel] public partial class s { [Labels] public Digit D { get; init; } }")]
    public Task Malformed_specs(string body) => AssertSurvives(Preamble + body, body);
}
