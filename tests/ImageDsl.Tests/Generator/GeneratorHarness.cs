using System.Collections.Immutable;
using ImageDsl.Generators;
using ImageDsl.Generators.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ImageDsl.Tests.Generator;

/// <summary>What one generator run produced.</summary>
/// <param name="Driver">The driver after the run; run it again for incremental tests.</param>
/// <param name="Result">The run's result (the generator's exception, sources and tracked steps).</param>
/// <param name="Output">The input compilation plus the generated trees.</param>
/// <param name="Diagnostics">Diagnostics of the run itself (CS8785 if the generator threw).</param>
internal sealed record GeneratorRun(GeneratorDriver Driver, GeneratorRunResult Result, Compilation Output, ImmutableArray<Diagnostic> Diagnostics)
{
    public IEnumerable<string> Sources => Result.GeneratedSources.Select(s => s.SourceText.ToString());
}

/// <summary>
/// Compiles spec sources against the real .NET 10 reference assemblies and the runtime
/// assemblies, and runs the generator and the analyzer on them the way the compiler does.
/// </summary>
internal static class GeneratorHarness
{
    /// <summary>C# latest; doc comments parsed, so a public generated member without docs shows up as CS1591.</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    internal static readonly ImmutableArray<MetadataReference> References =
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        MetadataReference.CreateFromFile(typeof(ImageModelAttribute).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(TorchSharp.torch).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(SixLabors.ImageSharp.Image).Assembly.Location),
    ];

    private static readonly CSharpCompilationOptions CompilationOptions = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            warningLevel: 9999)
        // As the SDK does: the runtime assemblies were built against other reference versions.
        .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
        {
            ["CS1701"] = ReportDiagnostic.Suppress,
            ["CS1702"] = ReportDiagnostic.Suppress,
        });

    public static SyntaxTree Parse(string source, string path = "Spec.cs") =>
        CSharpSyntaxTree.ParseText(source, ParseOptions, path);

    public static CSharpCompilation Compile(params string[] sources) =>
        Compile(sources.Select((source, i) => Parse(source, $"Spec{i}.cs")));

    public static CSharpCompilation Compile(IEnumerable<SyntaxTree> trees) =>
        CSharpCompilation.Create("Specs", trees, References, CompilationOptions);

    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            [new ImageModelGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator on <paramref name="compilation"/> with a new driver, or continues <paramref name="driver"/>.</summary>
    public static GeneratorRun Run(Compilation compilation, GeneratorDriver? driver = null)
    {
        var next = (driver ?? CreateDriver()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(next, next.GetRunResult().Results.Single(), output, diagnostics);
    }

    /// <summary>The analyzer's diagnostics; fails if it threw.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation)
    {
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            onAnalyzerException: (exception, _, _) => { lock (exceptions) exceptions.Add(exception); },
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation
            .WithAnalyzers([new ImageModelAnalyzer()], options)
            .GetAnalyzerDiagnosticsAsync();
        Assert.True(exceptions.Count == 0, "The analyzer threw: " + string.Join("\n", exceptions));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics;
    }

    /// <summary>
    /// Runs the generator on <paramref name="sources"/> and asserts the contract for valid specs:
    /// it did not throw, wrote <paramref name="specs"/> files, and the result has no warning or
    /// error anywhere and no IMGDSL diagnostic.
    /// </summary>
    public static async Task<GeneratorRun> AssertCompilesCleanlyAsync(int specs, params string[] sources)
    {
        var run = Run(Compile(sources));
        Assert.Null(run.Result.Exception);
        Assert.Empty(run.Diagnostics);
        var problems = Problems(run.Output.GetDiagnostics());
        Assert.True(problems.Count == 0, Format(problems) + "\n\n" + string.Join("\n", run.Sources));
        Assert.Empty(await AnalyzeAsync(run.Output));
        Assert.Equal(specs, run.Result.GeneratedSources.Length);
        return run;
    }

    /// <summary>Warnings and errors of a compilation, formatted one per line for assertion messages.</summary>
    public static string Format(IEnumerable<Diagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(d => d.ToString()));

    /// <summary>Warnings and errors only: hidden and info diagnostics (unused usings) are not problems.</summary>
    public static List<Diagnostic> Problems(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
}

/// <summary>Test sources with the expected diagnostic span marked as <c>[|...|]</c>.</summary>
internal static class Markup
{
    public static (string Source, TextSpan Span) Parse(string markup)
    {
        int start = markup.IndexOf("[|", StringComparison.Ordinal);
        int end = markup.IndexOf("|]", StringComparison.Ordinal);
        if (start < 0 || end < start) throw new ArgumentException("The source marks no span with [|...|].", nameof(markup));
        var source = markup.Remove(end, 2).Remove(start, 2);
        return (source, TextSpan.FromBounds(start, end - 2));
    }
}
