using System.Collections.Immutable;
using System.Diagnostics;
using ImageDsl.Generators;
using ImageDsl.Generators.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ImageDsl.Benchmarks.Generator;

/// <summary>What one round measured.</summary>
internal sealed record RoundResult(
    double FloorMs, double ColdMs, double ColdParseMs, double ColdEmitMs, double BoundMs, double AnalyzerOwnMs, double AnalysisWallMs,
    double UnrelatedEditMs, int UnrelatedEditRegenerated, int UnrelatedEditReparsed,
    double SpecEditMs, int SpecEditRegenerated,
    int Files, double GeneratedKilobytes, int AnalyzerDiagnostics);

/// <summary>The synthetic project, parsed once, and one round of runs over a fresh compilation of it.</summary>
internal sealed class BenchProject
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Parse);

    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        MetadataReference.CreateFromFile(typeof(ImageModelAttribute).Assembly.Location),
    ];

    private static readonly CSharpCompilationOptions Options = new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);

    public BenchProject(int specs)
    {
        var trees = new List<SyntaxTree>
        {
            CSharpSyntaxTree.ParseText(SyntheticSpecs.Shared, ParseOptions, "Shared.cs"),
            CSharpSyntaxTree.ParseText(SyntheticSpecs.Unrelated, ParseOptions, "Helper.cs"),
        };
        for (int i = 0; i < specs; i++) trees.Add(CSharpSyntaxTree.ParseText(SyntheticSpecs.Spec(i), ParseOptions, $"Spec{i}.cs"));
        Trees = trees;
    }

    public IReadOnlyList<SyntaxTree> Trees { get; }

    private SyntaxTree Unrelated => Trees[1];

    private SyntaxTree FirstSpec => Trees[2];

    /// <summary>One round; <paramref name="printSteps"/> prints the time of each pipeline step too.</summary>
    public async Task<RoundResult> RunAsync(bool printSteps)
    {
        // The baseline first, on a compilation of its own: the same cold start, the least work.
        var floorCompilation = CSharpCompilation.Create("Bench", Trees, References, Options);
        var floorDriver = CSharpGeneratorDriver.Create([new FloorGenerator().AsSourceGenerator()], parseOptions: ParseOptions);
        Settle();
        var clock = Stopwatch.StartNew();
        floorDriver.RunGenerators(floorCompilation);
        double floor = clock.Elapsed.TotalMilliseconds;

        // A new compilation each round: no binding is reused from the last one.
        var compilation = CSharpCompilation.Create("Bench", Trees, References, Options);
        var driver = NewDriver();

        Settle();
        clock.Restart();
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        double cold = clock.Elapsed.TotalMilliseconds;
        var coldRun = driver.GetRunResult().Results[0];
        var generated = coldRun.GeneratedSources;
        double coldParse = coldRun.TrackedSteps[ImageModelGenerator.TrackingNames.Parse].Sum(step => step.ElapsedTime.TotalMilliseconds);
        double coldEmit = coldRun.TrackedOutputSteps.SelectMany(pair => pair.Value).Sum(step => step.ElapsedTime.TotalMilliseconds);
        if (printSteps) Console.WriteLine("  cold run, per step: " + StepTimes(coldRun));

        // A second new driver on the same compilation, whose symbols the first run has bound: what
        // the generator itself costs, without the compiler's first binding of the project.
        Settle();
        clock.Restart();
        NewDriver().RunGeneratorsAndUpdateCompilation(compilation, out _, out _);
        double bound = clock.Elapsed.TotalMilliseconds;

        var (analyzerOwn, analysisWall, diagnostics) = await AnalyzeAsync(output);

        var unrelated = Edit(compilation, Unrelated, "return x + 1;", "return x + 2;");
        Settle();
        clock.Restart();
        var afterUnrelated = driver.RunGeneratorsAndUpdateCompilation(unrelated, out _, out _);
        double unrelatedMs = clock.Elapsed.TotalMilliseconds;
        var unrelatedRun = afterUnrelated.GetRunResult().Results[0];
        if (printSteps) Console.WriteLine("  after the unrelated edit, per step: " + StepTimes(unrelatedRun));

        var specEdit = Edit(unrelated, FirstSpec, "Width = 28, Height = 28", "Width = 32, Height = 32");
        Settle();
        clock.Restart();
        var afterSpecEdit = afterUnrelated.RunGeneratorsAndUpdateCompilation(specEdit, out _, out _);
        double specEditMs = clock.Elapsed.TotalMilliseconds;

        return new RoundResult(floor, cold, coldParse, coldEmit, bound, analyzerOwn, analysisWall,
            unrelatedMs, Rerun(unrelatedRun), Reparsed(unrelatedRun),
            specEditMs, Rerun(afterSpecEdit.GetRunResult().Results[0]),
            generated.Length, generated.Sum(s => s.SourceText.Length) / 1024.0, diagnostics);
    }

    /// <summary>
    /// A full collection before each timed run, so that one round's garbage (two compilations of
    /// 100 files and their generated code) is not charged to the next run's clock.
    /// </summary>
    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static GeneratorDriver NewDriver() =>
        CSharpGeneratorDriver.Create(
            [new ImageModelGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    private static Compilation Edit(Compilation compilation, SyntaxTree original, string from, string to)
    {
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == original.FilePath);
        var text = tree.GetText().ToString();
        if (!text.Contains(from, StringComparison.Ordinal)) throw new InvalidOperationException($"'{from}' not in {tree.FilePath}");
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(text.Replace(from, to, StringComparison.Ordinal))));
    }

    /// <summary>The source outputs that ran again: new or modified (cached and unchanged ones did not).</summary>
    private static int Rerun(GeneratorRunResult run) =>
        run.TrackedOutputSteps.SelectMany(pair => pair.Value).SelectMany(step => step.Outputs)
            .Count(output => output.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);

    /// <summary>The specs whose model came out different from the last run's.</summary>
    private static int Reparsed(GeneratorRunResult run) =>
        run.TrackedSteps[ImageModelGenerator.TrackingNames.Parse].SelectMany(step => step.Outputs)
            .Count(output => output.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);

    /// <summary>The analyzer's own execution time, the wall time of the analysis around it, and its diagnostics.</summary>
    private static async Task<(double Own, double Wall, int Diagnostics)> AnalyzeAsync(Compilation output)
    {
        var analyzer = new ImageModelAnalyzer();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true);
        var analysis = output.WithAnalyzers([analyzer], options);
        var clock = Stopwatch.StartNew();
        var diagnostics = await analysis.GetAnalyzerDiagnosticsAsync();
        double wall = clock.Elapsed.TotalMilliseconds;
        var telemetry = await analysis.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
        return (telemetry.ExecutionTime.TotalMilliseconds, wall, diagnostics.Length);
    }

    /// <summary>The milliseconds of each tracked step of the run that took any.</summary>
    private static string StepTimes(GeneratorRunResult run) =>
        string.Join(", ", run.TrackedSteps.Concat(run.TrackedOutputSteps)
            .Select(pair => (pair.Key, Ms: pair.Value.Sum(step => step.ElapsedTime.TotalMilliseconds)))
            .Where(step => step.Ms >= 0.05)
            .Select(step => $"{step.Key} {step.Ms:F1} ms"));
}
