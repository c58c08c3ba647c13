using System.Diagnostics;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace ImageDsl.Tests.Packaging;

/// <summary>
/// The whole spec corpus (<c>Generator/Corpus</c>) as a stranger's library built against the
/// packed package by the SDK's own compiler, warnings as errors. First with one broken spec
/// added: the build must fail with that spec's IMGDSL diagnostic and no compiler error, which
/// shows the generated code of the other specs left the compiler running the analyzers (one
/// error in generated declarations, such as an accessibility error, stops it before them).
/// Then without it: a clean build. About a minute on two cores.
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed partial class CorpusPackageTests(PackedPackage package, ITestOutputHelper log)
{
    private static readonly string Template = Path.Combine(RepositoryPaths.Root, "tests", "ImageDsl.Tests", "Packaging", "CorpusConsumer");

    private const string BrokenSpec = """
        // Not part of the corpus: a spec with a mistake, to see the analyzer report it.
        namespace Corpus.Broken;

        [ImageDsl.ImageModel]
        public partial class NoTargets
        {
            public int NotATarget { get; init; }
        }
        """;

    [Fact]
    public void The_corpus_builds_cleanly_and_a_broken_spec_beside_it_gets_its_diagnostic()
    {
        var project = package.NewProjectFolder("Corpus");
        File.Copy(Path.Combine(Template, "CorpusConsumer.csproj"), Path.Combine(project, "CorpusConsumer.csproj"));
        var specs = Path.Combine(project, "Specs");
        Directory.CreateDirectory(specs);
        File.Copy(Path.Combine(Template, "Specs.editorconfig"), Path.Combine(specs, ".editorconfig"));
        foreach (var file in Generator.SpecCorpus.Files) File.Copy(file, Path.Combine(specs, Path.GetFileName(file)));
        var broken = Path.Combine(specs, "Broken.cs");
        File.WriteAllText(broken, BrokenSpec);
        string[] build = ["build", "-c", "Release", "-p:ImageDslVersion=" + package.Version];

        var stopwatch = Stopwatch.StartNew();
        var (exitCode, failed) = DotnetCli.RunAllowingFailure(project, TimeSpan.FromMinutes(8), build);
        log.WriteLine($"restore + build with the broken spec: {stopwatch.Elapsed.TotalSeconds:F0} s\n{failed}");
        Assert.NotEqual(0, exitCode);
        Assert.Matches(@"Broken\.cs\(5,22\): error IMGDSL0002", failed);
        Assert.DoesNotMatch(CompilerError(), failed);

        File.Delete(broken);
        stopwatch.Restart();
        var clean = DotnetCli.Run(project, TimeSpan.FromMinutes(8), build);
        log.WriteLine($"build of the corpus: {stopwatch.Elapsed.TotalSeconds:F0} s\n{clean}");
        Assert.DoesNotMatch(@": (warning|error) [A-Z]+[0-9]+", clean);
    }

    [GeneratedRegex(@": error CS[0-9]+")]
    private static partial Regex CompilerError();
}
