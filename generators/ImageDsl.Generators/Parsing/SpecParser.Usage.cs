using System.Collections.Generic;
using System.Linq;
using ImageDsl.Generators.Diagnostics;
using Microsoft.CodeAnalysis;

namespace ImageDsl.Generators.Parsing;

internal sealed partial class SpecParser
{
    private const string ObsoleteAttribute = "System.ObsoleteAttribute";
    private const string ExperimentalAttribute = "System.Diagnostics.CodeAnalysis.ExperimentalAttribute";

    /// <summary>
    /// The diagnostics the generated file disables: the IDs of the obsolete (as a warning) and
    /// experimental types and members it names. The user chose those (their own code names the
    /// types, or declares the members); generated code tripping them would be an error under
    /// TreatWarningsAsErrors, or always for an experimental API.
    /// </summary>
    private readonly SortedSet<string> suppressedWarnings = new(System.StringComparer.Ordinal);

    // Inside an [Obsolete] type the compiler reports no obsolete use, inside an [Experimental]
    // one no experimental use; the generated code is inside the spec class.
    private bool obsoleteContext;
    private bool experimentalContext;

    private void ReadUsageContext(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            obsoleteContext |= current.GetAttributes().Any(a => SymbolText.IsType(a.AttributeClass, ObsoleteAttribute));
            experimentalContext |= current.GetAttributes().Any(a => SymbolText.IsType(a.AttributeClass, ExperimentalAttribute));
        }
    }

    /// <summary>
    /// True for a label member marked <c>[Obsolete(..., error: true)]</c>: no code may use it, so it
    /// is not a label (whether or not the spec itself is obsolete, so the labels never depend on that).
    /// </summary>
    private static bool IsObsoleteError(ISymbol symbol) => ObsoleteError(symbol) is not null;

    /// <summary>
    /// The generated code writes the name of <paramref name="type"/> (and so of the types containing
    /// it and its type arguments). Returns the first of them that is obsolete as an error, else null,
    /// noting the warnings to disable.
    /// </summary>
    private ISymbol? UseType(ITypeSymbol type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                return UseType(array.ElementType);
            case INamedTypeSymbol named:
                ISymbol? error = null;
                for (var current = named; current is not null; current = current.ContainingType)
                {
                    error ??= UseMember(current);
                    foreach (var argument in current.TypeArguments) error ??= UseType(argument);
                }
                return error;
            default:
                return null;
        }
    }

    /// <summary>
    /// The generated code uses <paramref name="symbol"/> itself (reads, sets or calls a member through
    /// an instance, or a type whose containers <see cref="UseType"/> visits). Returns it if it is
    /// obsolete as an error, else null, noting the warnings to disable.
    /// </summary>
    private ISymbol? UseMember(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (!obsoleteContext && SymbolText.IsType(attribute.AttributeClass, ObsoleteAttribute))
            {
                if (IsError(attribute)) return symbol;
                suppressedWarnings.Add(ObsoleteId(attribute));
            }
            else if (!experimentalContext && SymbolText.IsType(attribute.AttributeClass, ExperimentalAttribute) &&
                     attribute.ConstructorArguments is [{ Value: string id }] && id.Length > 0)
            {
                suppressedWarnings.Add(id);
            }
        }
        return null;
    }

    /// <summary>Rule IMGDSL0042 when <paramref name="obsolete"/> is not null.</summary>
    private bool ReportObsolete(ISymbol? obsolete, Location location, string purpose)
    {
        if (obsolete is null) return false;
        var message = ObsoleteError(obsolete)?.ConstructorArguments is [{ Value: string text }, ..] && text.Length > 0 ? $" ('{text}')" : "";
        Report(DiagnosticDescriptors.ObsoleteUse, location, SymbolText.Member(obsolete), message, purpose);
        return true;
    }

    private static bool IsObsolete(ISymbol symbol) =>
        symbol.GetAttributes().Any(a => SymbolText.IsType(a.AttributeClass, ObsoleteAttribute));

    private static AttributeData? ObsoleteError(ISymbol symbol) =>
        symbol.GetAttributes().FirstOrDefault(a => SymbolText.IsType(a.AttributeClass, ObsoleteAttribute) && IsError(a));

    private static bool IsError(AttributeData obsolete) =>
        obsolete.ConstructorArguments is [_, { Value: true }];

    /// <summary>The ID the compiler reports an obsolete use under: its <c>DiagnosticId</c>, else CS0612 (no message) or CS0618.</summary>
    private static string ObsoleteId(AttributeData obsolete)
    {
        foreach (var pair in obsolete.NamedArguments)
            if (pair.Key == "DiagnosticId" && pair.Value.Value is string id && id.Length > 0) return id;
        return obsolete.ConstructorArguments is [{ Value: string }, ..] ? "CS0618" : "CS0612";
    }
}
