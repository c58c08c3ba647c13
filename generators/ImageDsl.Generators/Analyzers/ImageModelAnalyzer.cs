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
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
    [
        DiagnosticDescriptors.NotPartial,
        DiagnosticDescriptors.NoTargets,
        DiagnosticDescriptors.InvalidRange,
        DiagnosticDescriptors.UnsupportedTargetType,
        DiagnosticDescriptors.TooFewLabels,
        DiagnosticDescriptors.InvalidImageSize,
        DiagnosticDescriptors.InvalidChannels,
        DiagnosticDescriptors.MemberAlreadyDeclared,
        DiagnosticDescriptors.TwoTargetAttributes,
        DiagnosticDescriptors.UnsupportedSpecClass,
        DiagnosticDescriptors.InvalidLossWeight,
        DiagnosticDescriptors.InvalidLabelSmoothing,
        DiagnosticDescriptors.TargetWithoutGetter,
        DiagnosticDescriptors.UnsupportedTargetProperty,
        DiagnosticDescriptors.DuplicateLabelValues,
        DiagnosticDescriptors.InvalidHuberDelta,
        DiagnosticDescriptors.UnknownEnumValue,
        DiagnosticDescriptors.NameConflict,
        DiagnosticDescriptors.EmptyColumn,
        DiagnosticDescriptors.IncompatibleLoss,
        DiagnosticDescriptors.InapplicableMetric,
        DiagnosticDescriptors.DuplicateLabels,
        DiagnosticDescriptors.TooFewListedLabels,
        DiagnosticDescriptors.MissingVectorLength,
        DiagnosticDescriptors.VectorLengthMismatch,
        DiagnosticDescriptors.NotAFullPeriod,
        DiagnosticDescriptors.CannotBeSet,
        DiagnosticDescriptors.ZeroFlag,
        DiagnosticDescriptors.OverlappingFlags,
        DiagnosticDescriptors.InvalidThreshold,
        DiagnosticDescriptors.InvalidWeights,
        DiagnosticDescriptors.OptionDoesNotApply,
        DiagnosticDescriptors.DuplicateColumn,
        DiagnosticDescriptors.InvalidAugmentation,
        DiagnosticDescriptors.RotationChangesAngle,
        DiagnosticDescriptors.FlipSwapsSides,
        DiagnosticDescriptors.GeometricMovesVector,
        DiagnosticDescriptors.InputSmallerThanBackbone,
        DiagnosticDescriptors.BackboneShapeNotSupported,
        DiagnosticDescriptors.InvalidBackboneShape,
        DiagnosticDescriptors.VectorMemberNotANumber,
        DiagnosticDescriptors.ObsoleteUse,
        DiagnosticDescriptors.InvalidOrdinalRanks,
    ];

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
