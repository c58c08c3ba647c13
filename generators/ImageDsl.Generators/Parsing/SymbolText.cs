using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ImageDsl.Generators.Parsing;

/// <summary>How symbols are written into the model: as C# that means the same thing anywhere.</summary>
internal static class SymbolText
{
    private static readonly SymbolDisplayFormat NamespaceFormat = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    private static readonly SymbolDisplayFormat DisplayFormat = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters);

    /// <summary><c>global::Demo.Digit</c>, with keywords escaped.</summary>
    public static string FullyQualified(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    /// <summary><c>Demo.Outer.Digit</c>, as people read it (messages, the spec's run-time name).</summary>
    public static string Display(ISymbol symbol) => symbol.ToDisplayString(DisplayFormat);

    /// <summary>A type as C# shows it in messages (<c>int?</c>, <c>string</c>).</summary>
    public static string Minimal(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);

    /// <summary>The namespace for a <c>namespace</c> declaration; empty for the global namespace.</summary>
    public static string Namespace(INamespaceSymbol? ns) =>
        ns is null || ns.IsGlobalNamespace ? "" : ns.ToDisplayString(NamespaceFormat);

    /// <summary>A number for a message, in invariant culture.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>An enum member's constant value in invariant culture.</summary>
    public static string Constant(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

    /// <summary>An enum constant's bits, whatever its underlying type; null for anything else.</summary>
    public static ulong? Bits(object? value) => value switch
    {
        int i => unchecked((ulong)i),
        long l => unchecked((ulong)l),
        short s => unchecked((ulong)s),
        sbyte b => unchecked((ulong)b),
        uint u => u,
        ulong u => u,
        ushort u => u,
        byte b => b,
        _ => null,
    };

    /// <summary>An identifier safe to write into C#: <c>@class</c> for the keyword <c>class</c>.</summary>
    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None ? name : "@" + name;
}
