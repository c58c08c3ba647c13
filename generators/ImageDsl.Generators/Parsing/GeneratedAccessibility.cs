using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ImageDsl.Generators.Parsing;

/// <summary>
/// How accessible a generated member of the spec class may be. C# refuses a member more
/// accessible than a type in its signature or base list (CS0050–CS0061), so a public spec with
/// an internal label enum, or a private record struct used for <c>[Vector]</c>, cannot have a
/// public <c>Prediction</c>. The answer is the most accessible of <c>public</c>, <c>internal</c> and
/// <c>private</c> that every exposed type allows, by the language's rule: for each type named in
/// the signature (and each type containing it, and each type argument), the member or one of
/// the types containing it must be at least as restricted. The spec class and its containers
/// count, so a spec nested in a private class keeps public members.
/// </summary>
internal static class GeneratedAccessibility
{
    public const string Public = "public";
    public const string Internal = "internal";
    public const string Private = "private";

    private static readonly (string Keyword, Accessibility Value)[] Candidates =
    [
        (Public, Accessibility.Public), (Internal, Accessibility.Internal), (Private, Accessibility.Private),
    ];

    /// <summary>The widest accessibility a member declared directly in <paramref name="spec"/> may have while exposing <paramref name="exposed"/>.</summary>
    public static string For(INamedTypeSymbol spec, params ITypeSymbol[] exposed)
    {
        var named = new List<INamedTypeSymbol>();
        foreach (var type in exposed) CollectNamedTypes(type, named);
        foreach (var (keyword, accessibility) in Candidates)
            if (named.All(type => MayExpose(accessibility, spec, type))) return keyword;
        // Unreachable for code that compiles: the spec's own property already names each type,
        // and a private member of the spec may name anything the spec can see.
        return Private;
    }

    /// <summary>The more restrictive of two results of <see cref="For"/>.</summary>
    public static string Narrower(string first, string second) => Rank(first) >= Rank(second) ? first : second;

    private static int Rank(string keyword) => keyword switch { Public => 0, Internal => 1, _ => 2 };

    /// <summary>Every named type written when <paramref name="type"/> is written: itself, the types containing it and all type arguments.</summary>
    private static void CollectNamedTypes(ITypeSymbol type, List<INamedTypeSymbol> named)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                CollectNamedTypes(array.ElementType, named);
                break;
            case INamedTypeSymbol { TypeKind: not TypeKind.Error } namedType:
                for (var current = namedType; current is not null; current = current.ContainingType)
                {
                    named.Add(current);
                    foreach (var argument in current.TypeArguments) CollectNamedTypes(argument, named);
                }
                break;
        }
    }

    /// <summary>
    /// True when a member with <paramref name="accessibility"/> declared in <paramref name="spec"/>
    /// may show <paramref name="type"/>: the member, the spec or a type containing the spec is
    /// declared at least as restrictively as <paramref name="type"/>.
    /// </summary>
    private static bool MayExpose(Accessibility accessibility, INamedTypeSymbol spec, INamedTypeSymbol type)
    {
        if (type.DeclaredAccessibility == Accessibility.Public) return true;
        if (Restricts(accessibility, spec, type, spec.ContainingAssembly)) return true;
        for (var level = spec; level is not null; level = level.ContainingType)
            if (Restricts(level.DeclaredAccessibility, level.ContainingType, type, spec.ContainingAssembly)) return true;
        return false;
    }

    /// <summary>
    /// True when a symbol declared with <paramref name="declared"/> inside <paramref name="container"/>
    /// (null for a namespace) is visible to no code that cannot also see <paramref name="type"/>.
    /// </summary>
    private static bool Restricts(Accessibility declared, INamedTypeSymbol? container, INamedTypeSymbol type, IAssemblySymbol assembly)
    {
        bool sameAssembly = SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, assembly) ||
                            (type.ContainingAssembly?.GivesAccessTo(assembly) ?? false);
        var owner = type.ContainingType;
        bool assemblyOnly = declared is Accessibility.Private or Accessibility.Internal or Accessibility.ProtectedAndInternal;
        return type.DeclaredAccessibility switch
        {
            Accessibility.Internal => assemblyOnly && sameAssembly,
            Accessibility.ProtectedAndInternal => assemblyOnly && sameAssembly && RestrictsToDerived(declared, container, owner),
            Accessibility.Protected => RestrictsToDerived(declared, container, owner),
            Accessibility.ProtectedOrInternal => declared switch
            {
                Accessibility.Private => sameAssembly || (owner is not null && InsideDerived(container, owner)),
                Accessibility.Internal => sameAssembly,
                Accessibility.Protected => owner is not null && DerivesFrom(container, owner),
                Accessibility.ProtectedAndInternal => sameAssembly || (owner is not null && DerivesFrom(container, owner)),
                Accessibility.ProtectedOrInternal => sameAssembly && owner is not null && DerivesFrom(container, owner),
                _ => false,
            },
            Accessibility.Private => declared == Accessibility.Private && owner is not null && Inside(container, owner),
            _ => false,
        };
    }

    /// <summary>For a protected <c>type</c> of <paramref name="owner"/>: private inside a class derived from it, or protected in one.</summary>
    private static bool RestrictsToDerived(Accessibility declared, INamedTypeSymbol? container, INamedTypeSymbol? owner) =>
        owner is not null && declared switch
        {
            Accessibility.Private => InsideDerived(container, owner),
            Accessibility.Protected or Accessibility.ProtectedAndInternal => DerivesFrom(container, owner),
            _ => false,
        };

    /// <summary><paramref name="container"/> is <paramref name="owner"/> or nested in it.</summary>
    private static bool Inside(INamedTypeSymbol? container, INamedTypeSymbol owner)
    {
        for (var current = container; current is not null; current = current.ContainingType)
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, owner.OriginalDefinition)) return true;
        return false;
    }

    /// <summary><paramref name="container"/>, or a type containing it, is <paramref name="owner"/> or derives from it.</summary>
    private static bool InsideDerived(INamedTypeSymbol? container, INamedTypeSymbol owner)
    {
        for (var current = container; current is not null; current = current.ContainingType)
            if (DerivesFrom(current, owner)) return true;
        return false;
    }

    /// <summary><paramref name="type"/> is <paramref name="owner"/> or derives from it.</summary>
    private static bool DerivesFrom(INamedTypeSymbol? type, INamedTypeSymbol owner)
    {
        for (var current = type; current is not null; current = current.BaseType)
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, owner.OriginalDefinition)) return true;
        return false;
    }
}
