using System.Reflection;
using System.Runtime.Loader;
using ImageDsl.Specs;
using Microsoft.CodeAnalysis;

namespace ImageDsl.Tests.Generator;

/// <summary>
/// Every case of the <see cref="SpecCorpus"/> compiles with the generator as the compiler runs
/// it: no generator failure, one file per spec, no warning or error anywhere (the corpus's own
/// missing XML docs aside), no IMGDSL diagnostic; and the compiled specs load, so the runtime
/// accepts each generated spec, its augmentation and its binding.
/// </summary>
public class CorpusTests
{
    public static TheoryData<string> Cases => new(SpecCorpus.Cases.Keys);

    [Fact]
    public void The_corpus_has_several_dozen_cases() => Assert.InRange(SpecCorpus.Cases.Count, 36, 1000);

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Each_case_compiles_cleanly(string name) => AssertCompilesCleanly(SpecCorpus.Cases[name]);

    [Fact]
    public Task The_whole_corpus_compiles_cleanly_as_one_project() => AssertCompilesCleanly(SpecCorpus.Files);

    private static async Task AssertCompilesCleanly(IReadOnlyList<string> files)
    {
        var compilation = GeneratorHarness.Compile(SpecCorpus.Parse(files));
        var run = GeneratorHarness.Run(compilation);

        Assert.Null(run.Result.Exception);
        Assert.Empty(run.Diagnostics);
        var specs = SpecClasses(compilation).ToList();
        Assert.NotEmpty(specs);
        Assert.Equal(specs.Count, run.Result.GeneratedSources.Length);
        Assert.Equal(specs.Count, run.Result.GeneratedSources.Select(s => s.HintName).Distinct(StringComparer.OrdinalIgnoreCase).Count());

        var generated = run.Result.GeneratedSources.Select(s => s.SyntaxTree).ToHashSet();
        // The corpus documents its own types only where a case is about docs; generated code must document everything.
        var problems = GeneratorHarness.Problems(run.Output.GetDiagnostics())
            .Where(d => d.Id != "CS1591" || (d.Location.SourceTree is { } tree && generated.Contains(tree)))
            .ToList();
        Assert.True(problems.Count == 0, GeneratorHarness.Format(problems));
        Assert.Empty(await GeneratorHarness.AnalyzeAsync(run.Output));

        LoadSpecs(run.Output, specs.Count);
    }

    /// <summary>The classes marked [ImageModel] in the compilation's own sources.</summary>
    internal static IEnumerable<INamedTypeSymbol> SpecClasses(Compilation compilation)
    {
        var attribute = compilation.GetTypeByMetadataName("ImageDsl.ImageModelAttribute");
        var pending = new Stack<INamespaceOrTypeSymbol>([compilation.Assembly.GlobalNamespace]);
        while (pending.Count > 0)
        {
            foreach (var member in pending.Pop().GetMembers())
            {
                if (member is not INamespaceOrTypeSymbol container) continue;
                pending.Push(container);
                if (container is INamedTypeSymbol type && type.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute)))
                    yield return type;
            }
        }
    }

    /// <summary>
    /// Emits the compilation, loads it, and reads every spec's generated Spec, Augmentation and
    /// Binding: each must be built without the runtime refusing it.
    /// </summary>
    private static void LoadSpecs(Compilation output, int expected)
    {
        using var stream = new MemoryStream();
        var emitted = output.Emit(stream);
        Assert.True(emitted.Success, GeneratorHarness.Format(emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        stream.Position = 0;
        var context = new AssemblyLoadContext("corpus", isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(stream);
            const BindingFlags Static = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;
            var specs = assembly.GetTypes().Where(t => t.GetCustomAttribute<ImageModelAttribute>() is not null).ToList();
            Assert.Equal(expected, specs.Count);
            foreach (var type in specs)
            {
                var spec = Assert.IsType<ModelSpec>(type.GetProperty("Spec", Static)!.GetValue(null));
                Assert.NotEmpty(spec.Targets);
                var augmentation = Assert.IsType<ImageDsl.Training.Augmentation>(type.GetProperty("Augmentation", Static)!.GetValue(null));
                augmentation.Validate();
                Assert.True(augmentation.Conflicts(spec).Count == 0, $"{type}: the runtime refuses the augmentation the analyzer accepted: {string.Join("; ", augmentation.Conflicts(spec))}");
                var binding = type.GetNestedType("Binding", BindingFlags.Public | BindingFlags.NonPublic)!;
                Assert.NotNull(binding.GetProperty("Instance", Static)!.GetValue(null));
            }
        }
        finally
        {
            context.Unload();
        }
    }
}
