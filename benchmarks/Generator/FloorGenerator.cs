using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ImageDsl.Benchmarks.Generator;

/// <summary>
/// The least any generator of these specs pays, as a baseline for ImageDsl's: it finds the same
/// <c>[ImageModel]</c> classes the same way, binds what reading a spec cannot do without (each
/// property's type and attributes with their arguments, and a label enum's members with theirs),
/// and writes nothing. Most of that cost is the compiler's first binding of those symbols, which
/// a build pays anyway; what ImageDsl costs beyond it is the generator's own.
/// </summary>
[Generator(LanguageNames.CSharp)]
internal sealed class FloorGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var specs = context.SyntaxProvider.ForAttributeWithMetadataName(
            "ImageDsl.ImageModelAttribute",
            predicate: static (node, _) => node is ClassDeclarationSyntax,
            transform: static (context, _) => Bind((INamedTypeSymbol)context.TargetSymbol));
        context.RegisterSourceOutput(specs, static (_, _) => { });
    }

    /// <summary>A number that depends on everything bound, so nothing is skipped.</summary>
    private static int Bind(INamedTypeSymbol spec)
    {
        int seen = spec.GetAttributes().Length;
        foreach (var member in spec.GetMembers())
        {
            if (member is not IPropertySymbol property) continue;
            foreach (var attribute in property.GetAttributes())
                seen += attribute.ConstructorArguments.Length + attribute.NamedArguments.Length + (attribute.AttributeClass?.Name.Length ?? 0);
            if (property.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } labels)
                foreach (var label in labels.GetMembers())
                    seen += label.GetAttributes().Length + label.Name.Length;
            seen += property.Type.Name.Length;
        }
        return seen;
    }
}
