using System.Collections.Immutable;
using ImageDsl.Generators.Diagnostics;
using ImageDsl.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ImageDsl.Generators.Analyzers;

/// <summary>
/// Reports why a spec class gets no generated code. It runs the generator's own parser with a
/// reporter, so every rule is written once and the generator's cached models hold no diagnostics.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ImageModelAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    /// <remarks>Every descriptor of the catalogue, found there, so a new rule is written in one place.</remarks>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = DiagnosticDescriptors.All;

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);
    }

    private static void AnalyzeType(SymbolAnalysisContext context)
    {
        if (context.Symbol is not INamedTypeSymbol type) return;
        foreach (var attribute in type.GetAttributes())
        {
            if (!SpecParser.IsRuntimeType(attribute.AttributeClass, TypeNames.ImageModelAttributeName)) continue;
            SpecParser.Parse(type, attribute,
                (descriptor, location, args) => context.ReportDiagnostic(Diagnostic.Create(descriptor, location, args)),
                context.CancellationToken);
            return;
        }
    }
}
