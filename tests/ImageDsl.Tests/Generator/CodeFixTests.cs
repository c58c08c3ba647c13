using System.Collections.Immutable;
using ImageDsl.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace ImageDsl.Tests.Generator;

/// <summary>Each code fix turns the documented bad example into the fixed one, and the diagnostic goes away.</summary>
public class CodeFixTests
{
    private const string Preamble = "using ImageDsl;\nnamespace Demo;\npublic enum Digit { Zero, One, Two }\n";

    private static async Task AssertFixes(CodeFixProvider provider, string before, string after)
    {
        var id = provider.FixableDiagnosticIds.Single();
        var document = CreateDocument(Preamble + before);
        var diagnostics = await Diagnostics(document);
        var diagnostic = Assert.Single(diagnostics, d => d.Id == id);

        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await provider.RegisterCodeFixesAsync(context);
        var action = Assert.Single(actions);
        var operation = Assert.Single(await action.GetOperationsAsync(CancellationToken.None));
        var solution = Assert.IsType<ApplyChangesOperation>(operation).ChangedSolution;
        var fixedDocument = solution.GetDocument(document.Id)!;

        Assert.Equal(Preamble + after, (await fixedDocument.GetTextAsync()).ToString());
        Assert.DoesNotContain(await Diagnostics(fixedDocument), d => d.Id == id);
    }

    private static Document CreateDocument(string source)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Specs", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .WithParseOptions(GeneratorHarness.ParseOptions)
            .WithMetadataReferences(GeneratorHarness.References);
        return project.AddDocument("Spec.cs", SourceText.From(source));
    }

    private static async Task<ImmutableArray<Diagnostic>> Diagnostics(Document document) =>
        await GeneratorHarness.AnalyzeAsync((await document.Project.GetCompilationAsync())!);

    [Theory]
    [InlineData("[ImageModel] public class Spec1 { [Labels] public Digit Digit { get; init; } }",
                "[ImageModel] public partial class Spec1 { [Labels] public Digit Digit { get; init; } }")]
    [InlineData("[ImageModel] class Spec1 { [Labels] public Digit Digit { get; init; } }",
                "[ImageModel] partial class Spec1 { [Labels] public Digit Digit { get; init; } }")]
    [InlineData("public static class Outer { [ImageModel] public partial class Spec1 { [Labels] public Digit Digit { get; init; } } }",
                "public static partial class Outer { [ImageModel] public partial class Spec1 { [Labels] public Digit Digit { get; init; } } }")]
    public Task IMGDSL0001_adds_partial(string before, string after) => AssertFixes(new AddPartialCodeFix(), before, after);

    [Theory]
    [InlineData("[ImageModel] public partial class Spec1 { [Range(45, -45)] public float Angle { get; init; } }",
                "[ImageModel] public partial class Spec1 { [Range(-45, 45)] public float Angle { get; init; } }")]
    [InlineData("[ImageModel] public partial class Spec1 { [Range(max: 0, min: 1.5, Unit = \"m\")] public float Depth { get; init; } }",
                "[ImageModel] public partial class Spec1 { [Range(max: 1.5, min: 0, Unit = \"m\")] public float Depth { get; init; } }")]
    public Task IMGDSL0003_swaps_min_and_max(string before, string after) => AssertFixes(new SwapRangeCodeFix(), before, after);

    [Theory]
    [InlineData("[ImageModel] public partial class Spec1 { [Vector] public float[] P { get; init; } = []; }",
                "[ImageModel] public partial class Spec1 { [Vector(Length = 1)] public float[] P { get; init; } = []; }")]
    [InlineData("[ImageModel] public partial class Spec1 { [Vector(Columns = new[] { \"x\", \"y\", \"z\" })] public float[] P { get; init; } = []; }",
                "[ImageModel] public partial class Spec1 { [Vector(Columns = new[] { \"x\", \"y\", \"z\" }, Length = 3)] public float[] P { get; init; } = []; }")]
    [InlineData("[ImageModel] public partial class Spec1 { [Vector(Length = 0, Columns = [\"a\", \"b\"])] public double[] P { get; init; } = []; }",
                "[ImageModel] public partial class Spec1 { [Vector(Length = 2, Columns = [\"a\", \"b\"])] public double[] P { get; init; } = []; }")]
    public Task IMGDSL0024_adds_the_length(string before, string after) => AssertFixes(new AddVectorLengthCodeFix(), before, after);

    [Fact]
    public async Task No_swap_is_offered_when_min_equals_max()
    {
        var document = CreateDocument(Preamble + "[ImageModel] public partial class Spec1 { [Range(5, 5)] public float Angle { get; init; } }");
        var diagnostic = Assert.Single(await Diagnostics(document), d => d.Id == "IMGDSL0003");
        var actions = new List<CodeAction>();
        await new SwapRangeCodeFix().RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
        Assert.Empty(actions);
    }
}
