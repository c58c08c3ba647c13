using System.Collections.Immutable;
using System.IO.Compression;
using System.Reflection;
using System.Runtime.Loader;
using ImageDsl.Tests.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ImageDsl.Tests.Packaging;

/// <summary>
/// The code fixes as an IDE gets them: the analyzer assemblies are taken out of the packed
/// .nupkg (analyzers/dotnet/cs), loaded into a load context of their own (so not the copies the
/// test project references), and each packed code fix is applied in a Roslyn workspace to a
/// broken spec; the packed analyzer must then find nothing and the packed generator's output
/// must compile.
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed class PackedCodeFixTests(PackedPackage package)
{
    private const string Preamble = "using ImageDsl;\nnamespace Demo;\npublic enum Digit { Zero, One, Two }\n";

    /// <summary>A spec each fix repairs, by the diagnostic it fixes. A new code fix needs one here.</summary>
    private static readonly Dictionary<string, string> Broken = new()
    {
        ["IMGDSL0001"] = "[ImageModel] public class Spec1 { [Labels] public Digit Digit { get; init; } }",
        ["IMGDSL0003"] = "[ImageModel] public partial class Spec1 { [Range(45, -45)] public float Angle { get; init; } }",
        ["IMGDSL0024"] = "[ImageModel] public partial class Spec1 { [Vector] public float[] P { get; init; } = []; }",
    };

    [Fact]
    public async Task Every_packed_code_fix_repairs_a_broken_spec_so_it_compiles()
    {
        using var folder = new TemporaryDirectory();
        using (var zip = ZipFile.OpenRead(package.PackagePath))
        {
            foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("analyzers/dotnet/cs/", StringComparison.Ordinal) && e.Name.EndsWith(".dll", StringComparison.Ordinal)))
                entry.ExtractToFile(Path.Combine(folder.Path, entry.Name));
        }
        Assert.True(File.Exists(Path.Combine(folder.Path, "ImageDsl.CodeFixes.dll")), "ImageDsl.CodeFixes.dll is not in the package's analyzers/dotnet/cs");

        var context = new PackedAnalyzers(folder.Path);
        var assemblies = Directory.GetFiles(folder.Path, "*.dll").Select(context.LoadFromAssemblyPath).ToList();
        Assert.All(assemblies, a => Assert.Equal(context, AssemblyLoadContext.GetLoadContext(a)));
        var fixes = Instances<CodeFixProvider>(assemblies, typeof(ExportCodeFixProviderAttribute));
        var analyzers = Instances<DiagnosticAnalyzer>(assemblies, typeof(DiagnosticAnalyzerAttribute)).ToImmutableArray();
        var generators = Instances<IIncrementalGenerator>(assemblies, typeof(GeneratorAttribute));
        Assert.NotEmpty(analyzers);
        Assert.Single(generators);
        Assert.Equal(Broken.Keys.Order(), fixes.SelectMany(f => f.FixableDiagnosticIds).Order());

        foreach (var fix in fixes)
        {
            var id = fix.FixableDiagnosticIds.Single();
            var document = Document(Preamble + Broken[id]);
            var diagnostic = Assert.Single(await Analyze(document, analyzers), d => d.Id == id);

            var actions = new List<CodeAction>();
            await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            var operation = Assert.Single(await Assert.Single(actions).GetOperationsAsync(CancellationToken.None));
            var fixedDocument = Assert.IsType<ApplyChangesOperation>(operation).ChangedSolution.GetDocument(document.Id)!;

            Assert.Empty(await Analyze(fixedDocument, analyzers));
            var compilation = (await fixedDocument.Project.GetCompilationAsync())!;
            Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver
                .Create([generators[0].AsSourceGenerator()], parseOptions: GeneratorHarness.ParseOptions)
                .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
            Assert.Empty(generatorDiagnostics);
            var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, $"{id} fix: {GeneratorHarness.Format(errors)}\n{(await fixedDocument.GetTextAsync())}");
            Assert.True(output.SyntaxTrees.Count() > compilation.SyntaxTrees.Count(), $"{id} fix: the packed generator wrote nothing");
        }
    }

    private static List<T> Instances<T>(IEnumerable<Assembly> assemblies, Type exportAttribute) =>
        assemblies.SelectMany(a => a.GetTypes())
            .Where(t => !t.IsAbstract && typeof(T).IsAssignableFrom(t) && t.GetCustomAttributes(exportAttribute, false).Length > 0)
            .Select(t => (T)Activator.CreateInstance(t)!)
            .ToList();

    private static Document Document(string source)
    {
        var project = new AdhocWorkspace().AddProject("Specs", LanguageNames.CSharp)
            .WithCompilationOptions(new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .WithParseOptions(GeneratorHarness.ParseOptions)
            .WithMetadataReferences(GeneratorHarness.References);
        return project.AddDocument("Spec.cs", SourceText.From(source));
    }

    private static async Task<ImmutableArray<Diagnostic>> Analyze(Document document, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics;
    }

    /// <summary>
    /// The packed assemblies by name from their folder (not the test's own copies of the same
    /// names); Roslyn itself from the default context, as an IDE shares it with its analyzers.
    /// </summary>
    private sealed class PackedAnalyzers(string folder) : AssemblyLoadContext("packed-analyzers")
    {
        protected override Assembly? Load(AssemblyName name)
        {
            var path = Path.Combine(folder, name.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
