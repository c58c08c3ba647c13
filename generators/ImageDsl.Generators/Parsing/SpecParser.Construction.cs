using System;
using System.Collections.Generic;
using System.Linq;
using ImageDsl.Generators.Diagnostics;
using ImageDsl.Generators.Model;
using Microsoft.CodeAnalysis;

namespace ImageDsl.Generators.Parsing;

internal sealed partial class SpecParser
{
    /// <summary>
    /// How the generated binding creates the spec class (rule IMGDSL0027): an object initializer
    /// when it has a parameterless constructor, every target has a setter or init accessor and no
    /// other member is <c>required</c>; else a constructor taking every target by name (other
    /// parameters optional).
    /// </summary>
    private ConstructionModel Construction(INamedTypeSymbol type, Location identifier, List<ParsedTarget> targets)
    {
        var fallback = new ConstructionModel(false, EquatableArray<string>.Empty);
        if (targets.Count == 0 || targets.Any(t => t.Model is null)) return fallback;

        var requiredOthers = RequiredMembers(type).Where(m => !targets.Any(t => t.Property.Name == m)).ToList();
        var parameterless = type.InstanceConstructors.FirstOrDefault(c => c.Parameters.Length == 0);
        var unsettable = targets.Where(t => t.Property.SetMethod is not { } setter || !IsAccessibleFrom(setter, type)).ToList();
        if (parameterless is not null && requiredOthers.Count == 0 && unsettable.Count == 0)
        {
            ReportObsolete(UseMember(parameterless), identifier, $"create '{type.Name}' for each sample");
            return fallback;
        }

        foreach (var constructor in type.InstanceConstructors)
        {
            if (constructor.Parameters.Length == 0) continue;
            var byName = new Dictionary<string, IParameterSymbol>(StringComparer.OrdinalIgnoreCase);
            foreach (var parameter in constructor.Parameters) byName[parameter.Name] = parameter;
            var chosen = new List<string>();
            foreach (var target in targets)
            {
                if (!byName.TryGetValue(target.Property.Name, out var parameter) ||
                    !SymbolEqualityComparer.Default.Equals(parameter.Type, target.Property.Type) || parameter.RefKind != RefKind.None) break;
                chosen.Add(parameter.Name);
            }
            if (chosen.Count != targets.Count) continue;
            if (constructor.Parameters.Any(p => !p.HasExplicitDefaultValue && !p.IsParams && !chosen.Contains(p.Name))) continue;
            if (requiredOthers.Count > 0 && !SetsRequiredMembers(constructor)) continue;
            ReportObsolete(UseMember(constructor), identifier, $"create '{type.Name}' for each sample");
            return new ConstructionModel(true, new EquatableArray<string>(chosen));
        }

        if (unsettable.Count > 0)
            foreach (var target in unsettable)
                Report(DiagnosticDescriptors.CannotBeSet, PropertyLocation(target.Property), target.Property.Name,
                    $"it has no setter or init accessor{(target.Property.SetMethod is null ? "" : $" that '{type.Name}' may use")}, and no constructor of '{type.Name}' takes every target as a parameter");
        else if (requiredOthers.Count > 0)
            Report(DiagnosticDescriptors.CannotBeSet, identifier, type.Name,
                $"its required member '{requiredOthers[0]}' is not a target, and no constructor of '{type.Name}' takes every target and sets the required members");
        else
            Report(DiagnosticDescriptors.CannotBeSet, identifier, type.Name,
                $"it has no parameterless constructor, and none takes every target as a parameter");
        return fallback;
    }

    private static IEnumerable<string> RequiredMembers(INamedTypeSymbol type)
    {
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            foreach (var member in current.GetMembers())
                if (member is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true })
                    yield return member.Name;
    }

    private static bool SetsRequiredMembers(IMethodSymbol constructor) =>
        constructor.GetAttributes().Any(a => SymbolText.IsType(a.AttributeClass, "System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute"));
}
