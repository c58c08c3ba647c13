using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace ImageDsl.CodeFixes;

/// <summary>IMGDSL0001: adds <c>partial</c> to the spec class (or the containing type) the diagnostic points at.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddPartialCodeFix)), Shared]
public sealed class AddPartialCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [DiagnosticIds.NotPartial];

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindToken(context.Span.Start).Parent?.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } declaration) return;
        foreach (var diagnostic in context.Diagnostics)
            context.RegisterCodeFix(
                CodeAction.Create($"Make '{declaration.Identifier.ValueText}' partial", async cancellation =>
                {
                    var editor = await DocumentEditor.CreateAsync(context.Document, cancellation).ConfigureAwait(false);
                    var modifiers = editor.Generator.GetModifiers(declaration).WithPartial(true);
                    editor.ReplaceNode(declaration, editor.Generator.WithModifiers(declaration, modifiers));
                    return editor.GetChangedDocument();
                }, equivalenceKey: nameof(AddPartialCodeFix)),
                diagnostic);
    }
}
