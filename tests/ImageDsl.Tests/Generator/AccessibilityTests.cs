namespace ImageDsl.Tests.Generator;

/// <summary>
/// Generated members are as accessible as the types they expose allow (docs/generated-code.md,
/// "Accessibility"): never an inconsistent-accessibility error (CS0050, CS0051, CS0053, CS0060)
/// in generated code, and never less accessible than needed.
/// </summary>
public class AccessibilityTests
{
    private const string Usings = "using ImageDsl;\nusing System.Collections.Generic;\nnamespace Demo;\n#pragma warning disable CS1591\n";

    [Theory]
    // Internal and private target types, and the spec class and its containers limiting them.
    [InlineData("internal enum Mood { Calm, Angry } [ImageModel] public partial class S { [Labels] internal Mood Mood { get; init; } }", "internal", "internal")]
    [InlineData("[ImageModel] public partial class S { private enum Mood { Calm, Angry } [Labels] private Mood Feeling { get; init; } }", "private", "private")]
    [InlineData("[ImageModel] public partial class S { private readonly record struct Tip(float X, float Y); [Vector] private Tip Point { get; init; } }", "private", null)]
    [InlineData("[ImageModel] public partial class S { internal struct Tip { public float X; public float Y; } [Vector] internal Tip Point { get; init; } }", "internal", null)]
    [InlineData("internal enum Tag { A, B } [ImageModel] public partial class S { [Labels] internal IReadOnlySet<Tag> Tags { get; init; } = new HashSet<Tag>(); }", "internal", "internal")]
    [InlineData("internal class Marker { } public static class Box<T> { public enum Kind { A, B } } [ImageModel] public partial class S { [Labels] internal Box<Marker>.Kind Kind { get; init; } }", "internal", "internal")]
    [InlineData("internal enum Mood { Calm, Angry } internal partial class Outer { [ImageModel] public partial class S { [Labels] public Mood Mood { get; init; } } }", "public", "public")]
    [InlineData("public partial class Outer { private enum Mood { Calm, Angry } [ImageModel] private partial class S { [Labels] public Mood Mood { get; init; } } }", "public", "public")]
    [InlineData("public partial class Outer { private enum Mood { Calm, Angry } [ImageModel] internal partial class S { [Labels] private Mood Mood { get; init; } } }", "private", "private")]
    [InlineData("public partial class Outer { protected enum Mood { Calm, Angry } [ImageModel] protected partial class S { [Labels] protected Mood Mood { get; init; } } }", "public", "public")]
    [InlineData("public class Base { protected enum Mood { Calm, Angry } } [ImageModel] public partial class S : Base { [Labels] private Mood Feeling { get; init; } }", "private", "private")]
    // Only the narrowest target limits the shared types; each XLabels follows its own target.
    [InlineData("public enum Open { A, B } internal enum Hidden { C, D } [ImageModel] public partial class S { [Labels] public Open Open { get; init; } [Labels] internal Hidden Hidden { get; init; } }", "internal", "public")]
    [InlineData("public enum Digit { A, B } [ImageModel] internal partial class S { [Labels] public Digit Digit { get; init; } }", "public", "public")]
    public async Task Generated_members_are_as_accessible_as_the_types_they_expose(string spec, string shared, string? labels)
    {
        var run = await GeneratorHarness.AssertCompilesCleanlyAsync(1, Usings + spec);

        var code = Assert.Single(run.Sources);
        Assert.Contains($" {shared} sealed record Prediction(", code);
        Assert.Contains($" {shared} sealed class Model : ", code);
        Assert.Contains($" {shared} sealed class Binding : ", code);
        Assert.Contains($" {shared} sealed class OnnxPredictor : ", code);
        Assert.Contains(" public sealed class Evaluation\n", code);
        Assert.Contains(" public sealed class Network : ", code);
        Assert.Contains(" public static global::ImageDsl.Specs.ModelSpec Spec { get; }", code);
        if (labels is not null) Assert.Contains($" {labels} static global::System.Collections.Generic.IReadOnlyList<", code);
    }

    [Fact]
    public async Task With_accessibility_errors_gone_the_compiler_gets_to_the_analyzers()
    {
        // csc stops before the analyzers when declarations have errors, such as an accessibility
        // error in generated code: then every IMGDSL diagnostic of the project would be lost.
        var valid = Usings + "internal enum Mood { Calm, Angry } [ImageModel] public partial class S { [Labels] internal Mood Mood { get; init; } }";
        var broken = "namespace Demo; [ImageDsl.ImageModel] public partial class NoTargets { public int Count { get; init; } }";
        var run = GeneratorHarness.Run(GeneratorHarness.Compile(valid, broken));

        Assert.Single(run.Result.GeneratedSources);
        Assert.DoesNotContain(run.Output.GetDeclarationDiagnostics(), d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        Assert.Equal("IMGDSL0002", Assert.Single(await GeneratorHarness.AnalyzeAsync(run.Output)).Id);
    }
}
