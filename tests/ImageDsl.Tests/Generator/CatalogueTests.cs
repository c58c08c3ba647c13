using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ImageDsl.Generators.Analyzers;
using Microsoft.CodeAnalysis;

namespace ImageDsl.Tests.Generator;

/// <summary>The diagnostic catalogue is complete and consistent with its documentation.</summary>
public partial class CatalogueTests
{
    private static readonly IReadOnlyList<DiagnosticDescriptor> Descriptors = new ImageModelAnalyzer().SupportedDiagnostics;

    [Fact]
    public void Ids_are_numbered_without_gaps_and_link_to_their_section()
    {
        Assert.Equal(Enumerable.Range(1, Descriptors.Count).Select(i => $"IMGDSL{i:0000}"), Descriptors.Select(d => d.Id));
        foreach (var descriptor in Descriptors)
        {
            Assert.Equal($"docs/diagnostics.md#{descriptor.Id.ToLowerInvariant()}", descriptor.HelpLinkUri);
            Assert.Equal(DiagnosticSeverity.Error, descriptor.DefaultSeverity);
            Assert.StartsWith("ImageDsl.", descriptor.Category);
        }
    }

    [Fact]
    public void Every_id_is_documented_with_a_bad_and_a_fixed_example()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "diagnostics.md"));
        foreach (var descriptor in Descriptors)
        {
            var section = Regex.Match(docs, $@"^## {descriptor.Id}: (?<title>[^\n]*)$(?<body>.*?)(?=^## |\z)", RegexOptions.Multiline | RegexOptions.Singleline);
            Assert.True(section.Success, $"docs/diagnostics.md has no section '## {descriptor.Id}: ...'.");
            Assert.Contains($"<a id=\"{descriptor.Id.ToLowerInvariant()}\"></a>\n## {descriptor.Id}:", docs);
            Assert.Equal(descriptor.Title.ToString(), section.Groups["title"].Value.Trim());
            Assert.True(CodeBlock().Matches(section.Groups["body"].Value).Count >= 2, $"{descriptor.Id} needs a bad and a fixed example.");
        }
    }

    [Fact]
    public void Every_id_is_in_the_unshipped_release_file()
    {
        var release = File.ReadAllText(Path.Combine(RepositoryRoot(), "generators", "ImageDsl.Generators", "AnalyzerReleases.Unshipped.md"));
        foreach (var descriptor in Descriptors)
            Assert.Matches($@"(?m)^{descriptor.Id} \| {Regex.Escape(descriptor.Category)} \| Error \|", release);
    }

    [GeneratedRegex("```csharp\n")]
    private static partial Regex CodeBlock();

    private static string RepositoryRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));
}
