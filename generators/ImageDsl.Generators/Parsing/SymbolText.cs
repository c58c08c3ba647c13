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

    private static readonly SymbolDisplayFormat MemberFormat = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        memberOptions: SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeParameters,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    /// <summary><c>global::Demo.Digit</c>, with keywords escaped.</summary>
    public static string FullyQualified(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    /// <summary><c>Demo.Outer.Digit</c>, as people read it (messages, the spec's run-time name).</summary>
    public static string Display(ISymbol symbol) => symbol.ToDisplayString(DisplayFormat);

    /// <summary>A type or member with what contains it, as people read it: <c>Demo.Point.X</c>, <c>Demo.Point.Point(float, float)</c>.</summary>
    public static string Member(ISymbol symbol) => symbol.ToDisplayString(MemberFormat);

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

    /// <summary>A member as a doc comment's <c>cref</c> writes it: <c>global::Demo.Base{T}.Name</c>.</summary>
    public static string Cref(ISymbol member) =>
        member.ContainingType.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace('<', '{').Replace('>', '}') +
        "." + Identifier(member.Name);

    /// <summary>
    /// True when <paramref name="type"/> is the top-level type <paramref name="fullName"/>
    /// (<c>System.ObsoleteAttribute</c>), compared name by name: the parser asks this of many
    /// attributes, and building each one's display string would cost more than the rest of a check.
    /// </summary>
    public static bool IsType(ITypeSymbol? type, string fullName)
    {
        if (type is null || type.ContainingType is not null) return false;
        int end = fullName.Length;
        ISymbol current = type;
        while (true)
        {
            var name = current.Name;
            int start = end - name.Length;
            if (start < 0 || string.CompareOrdinal(fullName, start, name, 0, name.Length) != 0) return false;
            var container = current.ContainingNamespace;
            if (container is null || container.IsGlobalNamespace) return start == 0;
            if (start == 0 || fullName[start - 1] != '.') return false;
            end = start - 1;
            current = container;
        }
    }

    /// <summary>An identifier safe to write into C#: <c>@class</c> for the keyword <c>class</c>.</summary>
    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None ? name : "@" + name;
}
