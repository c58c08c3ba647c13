using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit.Abstractions;

namespace ImageDsl.Tests.Generator;

/// <summary>
/// The generator never throws: valid specs of every kind are mangled the way half-typed code
/// is (tokens deleted or duplicated, attribute arguments swapped, braces dropped), 1,200 times
/// with a fixed seed, and no run may let an exception escape or report CS8785. Every fifth run
/// also runs the analyzer, which must not throw either; and when a mangled spec still compiles,
/// the generated code must compile too.
/// </summary>
public class FuzzTests(ITestOutputHelper output)
{
    private const int Runs = 1200;

    private enum Mutation { DeleteToken, DuplicateToken, SwapArguments, DropBrace }

    [Fact]
    public async Task Mangled_specs_never_make_the_generator_throw()
    {
        var random = new Random(20261126);
        var specs = SpecSources.All.Values.ToArray();
        var counts = new Dictionary<Mutation, int>();
        int generated = 0, compiled = 0;
        for (int run = 0; run < Runs; run++)
        {
            var source = specs[random.Next(specs.Length)];
            var applied = new List<string>();
            int mutations = 1 + random.Next(3);
            for (int m = 0; m < mutations; m++)
            {
                var kind = (Mutation)random.Next(4);
                var mutated = Mutate(source, kind, random);
                if (mutated is null) continue;
                source = mutated;
                applied.Add(kind.ToString());
                counts[kind] = counts.GetValueOrDefault(kind) + 1;
            }

            var description = $"run {run} ({string.Join(", ", applied)})";
            var compilation = GeneratorHarness.Compile(source);
            var result = GeneratorHarness.Run(compilation);
            Assert.True(result.Result.Exception is null, $"{description}: the generator threw {result.Result.Exception}\n{source}");
            Assert.DoesNotContain(result.Diagnostics, d => d.Id == "CS8785");
            generated += result.Result.GeneratedSources.Length;
            if (run % 5 == 0) await GeneratorHarness.AnalyzeAsync(compilation);
            if (!compilation.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                compiled++;
                var trees = result.Result.GeneratedSources.Select(s => s.SyntaxTree).ToHashSet();
                var errors = result.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && trees.Contains(d.Location.SourceTree!)).ToList();
                Assert.True(errors.Count == 0, $"{description}: the generated code has errors:\n{GeneratorHarness.Format(errors)}\n{source}");
            }
        }
        output.WriteLine($"{Runs} runs: {string.Join(", ", counts.Select(c => $"{c.Value} {c.Key}"))}; {compiled} mangled specs still compiled; {generated} files generated");
        Assert.All(Enum.GetValues<Mutation>(), m => Assert.True(counts.GetValueOrDefault(m) > 100, $"too few {m} mutations"));
    }

    private static string? Mutate(string source, Mutation kind, Random random)
    {
        var root = CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions).GetRoot();
        var tokens = root.DescendantTokens().Where(t => !t.IsKind(SyntaxKind.EndOfFileToken)).ToList();
        switch (kind)
        {
            case Mutation.DeleteToken:
            {
                var token = tokens[random.Next(tokens.Count)];
                return source.Remove(token.SpanStart, token.Span.Length);
            }
            case Mutation.DuplicateToken:
            {
                var token = tokens[random.Next(tokens.Count)];
                return source.Insert(token.Span.End, " " + token.Text);
            }
            case Mutation.DropBrace:
            {
                var braces = tokens.Where(t => t.IsKind(SyntaxKind.OpenBraceToken) || t.IsKind(SyntaxKind.CloseBraceToken)).ToList();
                if (braces.Count == 0) return null;
                var brace = braces[random.Next(braces.Count)];
                return source.Remove(brace.SpanStart, brace.Span.Length);
            }
            default:
            {
                var lists = root.DescendantNodes().OfType<AttributeArgumentListSyntax>().Where(l => l.Arguments.Count >= 2).ToList();
                if (lists.Count == 0) return null;
                var list = lists[random.Next(lists.Count)];
                int a = random.Next(list.Arguments.Count), b = random.Next(list.Arguments.Count - 1);
                if (b >= a) b++;
                var (first, second) = a < b ? (list.Arguments[a], list.Arguments[b]) : (list.Arguments[b], list.Arguments[a]);
                // Swap the text of two arguments: named ones keep their (now misplaced) names, positional ones trade places.
                return source.Substring(0, first.SpanStart) + second.ToString() + source.Substring(first.Span.End, second.SpanStart - first.Span.End) +
                       first.ToString() + source.Substring(second.Span.End);
            }
        }
    }
}
