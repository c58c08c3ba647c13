using Microsoft.CodeAnalysis;

namespace ImageDsl.Tests.Generator;

/// <summary>
/// The corpus of valid but unusual specs in <c>Generator/Corpus</c>: what real users write
/// (accessibility mixes, nesting, records, obsolete members, odd names and labels...). A case
/// is the files sharing the name before the first dot (<c>SplitPartial.1.cs</c>,
/// <c>SplitPartial.2.cs</c>); every case uses its own namespace, so the whole corpus also
/// compiles as one project. Every spec in it must generate code that compiles cleanly.
/// </summary>
internal static class SpecCorpus
{
    public static string Directory { get; } = Path.Combine(RepositoryPaths.Root, "tests", "ImageDsl.Tests", "Generator", "Corpus");

    /// <summary>All corpus files, in ordinal order of their names.</summary>
    public static IReadOnlyList<string> Files { get; } =
        System.IO.Directory.GetFiles(Directory, "*.cs").Order(StringComparer.Ordinal).ToList();

    /// <summary>The cases by name, each with its files.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Cases { get; } =
        Files.GroupBy(file => Path.GetFileName(file).Split('.')[0], StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => (IReadOnlyList<string>)group.ToList(), StringComparer.Ordinal);

    /// <summary>The files as syntax trees, each under its own path so diagnostics name it.</summary>
    public static IEnumerable<SyntaxTree> Parse(IEnumerable<string> files) =>
        files.Select(file => GeneratorHarness.Parse(File.ReadAllText(file), file));
}
