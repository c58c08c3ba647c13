using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ImageDsl.CodeFixes;

/// <summary>IMGDSL0003: swaps a <c>Range</c>'s min and max when min is the larger one.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SwapRangeCodeFix)), Shared]
public sealed class SwapRangeCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [DiagnosticIds.InvalidRange];

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span)?.FirstAncestorOrSelf<AttributeSyntax>() is not { ArgumentList: { } list } attribute || model is null) return;

        // The two constructor arguments (no "Name ="), by name when written "min:"/"max:", else by position.
        var positional = list.Arguments.Where(a => a.NameEquals is null).ToList();
        if (positional.Count != 2) return;
        var min = positional.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == "min") ?? positional[0];
        var max = positional.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == "max") ?? positional[1];
        if (min == max) return;
        if (Number(model, min.Expression) is not { } low || Number(model, max.Expression) is not { } high || !(low > high)) return;

        foreach (var diagnostic in context.Diagnostics)
            context.RegisterCodeFix(
                CodeAction.Create("Swap min and max", _ =>
                {
                    var swapped = list.ReplaceNodes([min, max], (original, _) => original == min
                        ? min.WithExpression(max.Expression.WithTriviaFrom(min.Expression))
                        : max.WithExpression(min.Expression.WithTriviaFrom(max.Expression)));
                    return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(list, swapped)));
                }, equivalenceKey: nameof(SwapRangeCodeFix)),
                diagnostic);
    }

    private static double? Number(SemanticModel model, ExpressionSyntax expression) =>
        model.GetConstantValue(expression).Value switch
        {
            double d => d,
            float f => f,
            int i => i,
            long l => l,
            _ => null,
        };
}
