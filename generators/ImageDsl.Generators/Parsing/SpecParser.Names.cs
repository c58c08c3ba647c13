using System.Collections.Generic;
using System.Linq;
using ImageDsl.Generators.Diagnostics;
using Microsoft.CodeAnalysis;

namespace ImageDsl.Generators.Parsing;

internal sealed partial class SpecParser
{
    /// <summary>Rules IMGDSL0008 and IMGDSL0018: the names the generated code declares must be free.</summary>
    private void CheckNames(INamedTypeSymbol type, Location identifier, List<ParsedTarget> targets)
    {
        var specMembers = GeneratedNames.SpecClassMembers(targets.Select(t => (t.Property.Name, t.Naming))).Distinct().ToList();
        if (specMembers.Contains(type.Name))
            Report(DiagnosticDescriptors.NameConflict, identifier, type.Name, $"{type.Name}.{type.Name}");

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
            var conflict = GeneratedNames.PredictionMembers(name, target.Naming)
                .Where(member => !predictionNames.Add(member))
                .Select(member => $"{GeneratedNames.Prediction}.{member}")
                .FirstOrDefault();
            if (!evaluationNames.Add(name)) conflict ??= $"{GeneratedNames.Evaluation}.{name}";
            if (conflict is not null) Report(DiagnosticDescriptors.NameConflict, PropertyLocation(target.Property), name, conflict);
        }
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
            a.AttributeClass?.ToDisplayString() == TypeNames.GeneratedCodeAttributeMetadataName &&
            a.ConstructorArguments.Length > 0 &&
            a.ConstructorArguments[0].Value is string tool &&
            tool == GeneratorInfo.ToolName);
}
