using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ImageDsl.CodeFixes;

/// <summary>
/// IMGDSL0024: writes the missing <c>Length = n</c> of a <c>[Vector]</c> array, with n the
/// number of <c>Columns</c> when they are listed (else 1, for the user to correct).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddVectorLengthCodeFix)), Shared]
public sealed class AddVectorLengthCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [DiagnosticIds.MissingVectorLength];

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span)?.FirstAncestorOrSelf<AttributeSyntax>() is not { } attribute) return;

        var arguments = attribute.ArgumentList?.Arguments ?? default;
        var columns = arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "Columns");
        int length = columns is null ? 1 : Count(columns.Expression) ?? 1;
        var value = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(length));
        var existing = arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "Length");

        foreach (var diagnostic in context.Diagnostics)
            context.RegisterCodeFix(
                CodeAction.Create($"Declare Length = {length}", _ =>
                {
                    AttributeSyntax fixedAttribute;
                    if (existing is not null)
                        fixedAttribute = attribute.ReplaceNode(existing, existing.WithExpression(value.WithTriviaFrom(existing.Expression)));
                    else
                    {
                        var argument = SyntaxFactory.AttributeArgument(
                            SyntaxFactory.NameEquals(SyntaxFactory.IdentifierName("Length"), SyntaxFactory.Token(SyntaxKind.EqualsToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space)),
                            null, value);
                        fixedAttribute = attribute.WithArgumentList((attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList()).AddArguments(argument));
                    }
                    return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(attribute, fixedAttribute)));
                }, equivalenceKey: nameof(AddVectorLengthCodeFix)),
                diagnostic);
    }

    private static int? Count(ExpressionSyntax expression) => expression switch
    {
        ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions.Count,
        ImplicitArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions.Count,
        CollectionExpressionSyntax collection => collection.Elements.Count,
        _ => null,
    };
}
