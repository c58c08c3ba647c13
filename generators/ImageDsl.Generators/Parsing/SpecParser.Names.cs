using System.Collections.Generic;
using System.Linq;
using ImageDsl.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ImageDsl.Generators.Parsing;

internal sealed partial class SpecParser
{
    /// <summary>Rules IMGDSL0008 and IMGDSL0018: the names the generated code declares must be free.</summary>
    private void CheckNames(INamedTypeSymbol type, Location identifier, List<ParsedTarget> targets)
    {
        var specMembers = GeneratedNames.SpecClassMembers(targets.SelectMany(t => t.Model?.SpecClassMembers ?? [])).Distinct().ToList();
        if (specMembers.Contains(type.Name))
            Report(DiagnosticDescriptors.NameConflict, identifier, type.Name, $"{type.Name}.{type.Name}", "rename it");

        foreach (var name in specMembers)
        {
            cancellation.ThrowIfCancellationRequested();
            if (FindDeclared(type, name) is not { } declared) continue;
            var (member, declaringType) = declared;
            var location = SymbolEqualityComparer.Default.Equals(declaringType, type)
                ? member.Locations.FirstOrDefault(l => l.IsInSource) ?? identifier
                : identifier;
            Report(DiagnosticDescriptors.MemberAlreadyDeclared, location, name, type.Name, SymbolText.Display(declaringType));
        }

        var predictionNames = new HashSet<string>(GeneratedNames.PredictionReserved);
        var evaluationNames = new HashSet<string>(GeneratedNames.EvaluationReserved);
        foreach (var target in targets)
        {
            var name = target.Property.Name;
            var conflict = (target.Model?.PredictionMembers ?? [name])
                .Where(member => !predictionNames.Add(member))
                .Select(member => $"{GeneratedNames.Prediction}.{member}")
                .FirstOrDefault();
            if (!evaluationNames.Add(name)) conflict ??= $"{GeneratedNames.Evaluation}.{name}";
            if (conflict is not null) Report(DiagnosticDescriptors.NameConflict, PropertyLocation(target.Property), name, conflict, "rename it");
        }
    }

    /// <summary>
    /// Rule IMGDSL0018 for a target's type written inside the spec class with a name the
    /// generator declares there (<c>Network</c>, <c>Model.Kind</c>): once the generated code is in,
    /// the name means the generated type, and the property's type would change under the
    /// generated code. False if the type is written so.
    /// </summary>
    private bool CheckTypeNames(INamedTypeSymbol type, IPropertySymbol property)
    {
        if (!SymbolEqualityComparer.Default.Equals(property.ContainingType, type)) return true;
        foreach (var reference in property.DeclaringSyntaxReferences)
        {
            var written = reference.GetSyntax(cancellation) switch
            {
                PropertyDeclarationSyntax declaration => declaration.Type,
                ParameterSyntax parameter => parameter.Type,
                _ => null,
            };
            if (written is null) continue;
            foreach (var name in written.DescendantNodesAndSelf().OfType<SimpleNameSyntax>())
            {
                // Only a name that starts a type is looked up in the spec class: not B in A.B, nor global::A.
                if (name.Parent is QualifiedNameSyntax qualified && qualified.Right == name) continue;
                if (name.Parent is AliasQualifiedNameSyntax) continue;
                var text = name.Identifier.ValueText;
                if (!GeneratedNames.NestedTypes.Contains(text)) continue;
                Report(DiagnosticDescriptors.NameConflict, name.GetLocation(), text, $"{type.Name}.{text}",
                    $"inside '{type.Name}' the type of '{property.Name}' would mean the generated type; write the type with its namespace");
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// A member named <paramref name="name"/> that the user declared in the spec class or that
    /// it inherits (accessibly) from a base class; members this generator wrote do not count,
    /// since the analyzer sees the compilation with the generated code in it.
    /// </summary>
    private static (ISymbol Member, INamedTypeSymbol DeclaringType)? FindDeclared(INamedTypeSymbol type, string name)
    {
        for (var declaring = type; declaring is not null && declaring.SpecialType != SpecialType.System_Object; declaring = declaring.BaseType)
        {
            bool inherited = !SymbolEqualityComparer.Default.Equals(declaring, type);
            foreach (var member in declaring.GetMembers(name))
            {
                if (member.IsImplicitlyDeclared || IsGenerated(member)) continue;
                if (inherited && member.DeclaredAccessibility == Accessibility.Private) continue;
                return (member, declaring);
            }
        }
        return null;
    }

    private static bool IsGenerated(ISymbol member) =>
        member.GetAttributes().Any(a =>
            SymbolText.IsType(a.AttributeClass, TypeNames.GeneratedCodeAttributeMetadataName) &&
            a.ConstructorArguments.Length > 0 &&
            a.ConstructorArguments[0].Value is string tool &&
            tool == GeneratorInfo.ToolName);
}
