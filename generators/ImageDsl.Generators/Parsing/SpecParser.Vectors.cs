using System;
using System.Collections.Generic;
using System.Linq;
using ImageDsl.Generators.Diagnostics;
using ImageDsl.Generators.Model;
using ImageDsl.Generators.Shared;
using Microsoft.CodeAnalysis;

namespace ImageDsl.Generators.Parsing;

internal sealed partial class SpecParser
{
    /// <summary>A <c>[Vector]</c> or <c>[Box]</c> property (rules 0003, 0004, 0024, 0025, 0027).</summary>
    [ReadsTarget("VectorAttribute")]
    private VectorTargetModel? VectorTarget(IPropertySymbol property, AttributeReader arguments) => VectorTarget(property, arguments, isBox: false);

    [ReadsTarget("BoxAttribute")]
    private VectorTargetModel? BoxTarget(IPropertySymbol property, AttributeReader arguments) => VectorTarget(property, arguments, isBox: true);

    private VectorTargetModel? VectorTarget(IPropertySymbol property, AttributeReader arguments, bool isBox)
    {
        var type = property.Type;
        var typeLocation = PropertyTypeLocation(property);
        var attribute = isBox ? "Box" : "Vector";
        string? box = null;
        if (isBox)
        {
            box = TypeNames.DefaultBoxFormat;
            if (arguments.HasConstructorArguments)
            {
                if (arguments.ConstructorEnum(0) is not { } format) return Invalid<VectorTargetModel>();
                if (format.Member is null)
                {
                    Report(DiagnosticDescriptors.UnknownEnumValue, arguments.Location, "Format", format.Number ?? "?", SymbolText.Display(format.Type));
                    return null;
                }
                box = format.Member;
            }
        }

        bool hasLength = !isBox && arguments.Has("Length");
        int length = isBox ? 0 : arguments.Int("Length", 0);
        List<ComponentModel> components;
        bool isArray = false, usesConstructor = false;
        if (type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Single or SpecialType.System_Double } array && !isBox)
        {
            if (length <= 0)
            {
                Report(DiagnosticDescriptors.MissingVectorLength, hasLength ? arguments.ArgumentLocation("Length") : arguments.Location, property.Name);
                return null;
            }
            bool isFloat = array.ElementType.SpecialType == SpecialType.System_Single;
            components = Enumerable.Range(0, length).Select(i => new ComponentModel(SymbolText.Constant(i), isFloat)).ToList();
            isArray = true;
        }
        else if (type is INamedTypeSymbol { TypeKind: TypeKind.Struct or TypeKind.Class, SpecialType: SpecialType.None, IsAbstract: false } record &&
                 !record.IsGenericType)
        {
            if (RecordComponents(property, record, typeLocation, attribute) is not { } found) return null;
            components = found.Components;
            usesConstructor = found.UsesConstructor;
            if (hasLength && length != components.Count)
                Report(DiagnosticDescriptors.VectorLengthMismatch, arguments.ArgumentLocation("Length"), property.Name, components.Count, $"Length is {length}");
        }
        else
        {
            Report(DiagnosticDescriptors.UnsupportedTargetType, typeLocation, property.Name, SymbolText.Minimal(type), attribute,
                isBox ? "a record or struct of four float or double members" : "a float or double array, or a record or struct of float or double members");
            return null;
        }
        if (isBox && components.Count != 4)
            Report(DiagnosticDescriptors.VectorLengthMismatch, typeLocation, property.Name, components.Count, "a box has exactly four numbers");
        bool points = !isBox && arguments.Bool("Points");
        if (points && components.Count % 2 != 0)
            Report(DiagnosticDescriptors.VectorLengthMismatch, arguments.ArgumentLocation("Points"), property.Name, components.Count, "Points = true needs (x, y) pairs, an even count");

        var columns = arguments.Strings("Columns");
        if (columns is not null && columns.Length != components.Count)
            Report(DiagnosticDescriptors.VectorLengthMismatch, arguments.ArgumentLocation("Columns"), property.Name, components.Count, $"Columns lists {columns.Length}");
        else if (columns is not null && columns.Any(c => c is null || c.Trim().Length == 0))
            Report(DiagnosticDescriptors.EmptyColumn, arguments.ArgumentLocation("Columns"), property.Name);
        columns ??= isBox && components.Count == 4
            ? (box == "XYXY" ? ["x1", "y1", "x2", "y2"] : ["x", "y", "w", "h"])
            : components.Select(c => isArray ? property.Name + c.Name : c.Name).ToArray();

        bool hasMin = arguments.Has("Min"), hasMax = arguments.Has("Max");
        double min = arguments.Double("Min", double.NaN), max = arguments.Double("Max", double.NaN);
        bool badRange = hasMin != hasMax || (hasMin && !(min < max && !double.IsInfinity(min) && !double.IsInfinity(max)));
        if (badRange)
            Report(DiagnosticDescriptors.InvalidRange, arguments.Location, property.Name, hasMin ? SymbolText.Number(min) : "unset", hasMax ? SymbolText.Number(max) : "unset");
        // Per component: a bounded component is clamped into [Min, Max], so no error exceeds its width.
        var tolerance = badRange ? 0 : Tolerance(arguments, property, hasMin ? max - min : null,
            $"every {(isBox ? "coordinate" : "component")} is clamped into [{SymbolText.Number(min)}, {SymbolText.Number(max)}]");

        var unit = arguments.Has("Unit") ? arguments.String("Unit") : isBox ? "px" : null;
        var (column, weight, metrics, loss) = Common(arguments, property, isBox ? "box" : "vector", isBox ? TargetKinds.Box : points ? TargetKinds.Points : TargetKinds.Vector);
        var huberDelta = HuberDelta(arguments, property);
        return new VectorTargetModel(property.Name, column, weight, metrics, SymbolText.FullyQualified(type), isArray, type.IsReferenceType,
            new EquatableArray<ComponentModel>(components), new EquatableArray<string>(columns), hasMin && hasMax, hasMin ? min : 0, hasMax ? max : 0,
            unit, loss, huberDelta, box, usesConstructor, points, tolerance);
    }


    /// <summary>
    /// The float components of a record, class or struct (rules IMGDSL0027, IMGDSL0041, IMGDSL0042),
    /// or null after reporting why it has none. Every accessible field and settable property,
    /// its base classes' included, must be float or double. The components are the parameters of
    /// its widest accessible constructor whose parameters are all numbers named after readable
    /// members (a positional record's primary constructor); else its settable members, set by an
    /// object initializer (which sets <c>required</c> members too).
    /// </summary>
    private (List<ComponentModel> Components, bool UsesConstructor)? RecordComponents(
        IPropertySymbol property, INamedTypeSymbol type, Location typeLocation, string attribute)
    {
        var readable = new Dictionary<string, (ISymbol Member, ITypeSymbol Type)>(StringComparer.OrdinalIgnoreCase);
        var settable = new List<ISymbol>();
        // The most derived member of each name counts; base classes' members come first.
        var seen = new HashSet<string>();
        var levels = new List<List<ISymbol>>();
        for (var current = type; current is not null && current.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); current = current.BaseType)
            levels.Insert(0, current.GetMembers().Where(m => !m.IsStatic && !m.IsImplicitlyDeclared && seen.Add(m.Name)).ToList());
        foreach (var level in levels)
        {
            foreach (var member in level)
            {
                if (!IsVectorAccessible(member)) continue;
                ITypeSymbol? memberType = null;
                bool canSet = false;
                switch (member)
                {
                    case IPropertySymbol { IsIndexer: false, RefKind: RefKind.None } p when p.GetMethod is { } get && IsVectorAccessible(get):
                        memberType = p.Type;
                        canSet = p.SetMethod is { } set && IsVectorAccessible(set);
                        if (!canSet) { readable[p.Name] = (p, p.Type); continue; }
                        break;
                    case IFieldSymbol { IsConst: false } f:
                        memberType = f.Type;
                        canSet = !f.IsReadOnly;
                        break;
                }
                if (memberType is null) continue;
                if (!IsNumber(memberType))
                {
                    Report(DiagnosticDescriptors.VectorMemberNotANumber, typeLocation, property.Name, SymbolText.Display(type),
                        SymbolText.Minimal(memberType), member.Name, attribute);
                    return null;
                }
                readable[member.Name] = (member, memberType);
                if (canSet) settable.Add(member);
            }
        }

        // A constructor call must set the required members itself ([SetsRequiredMembers]); an object initializer sets them all.
        bool hasRequired = RequiredMembers(type).Any();
        IMethodSymbol? best = null;
        List<ISymbol>? bestMembers = null;
        foreach (var constructor in type.InstanceConstructors)
        {
            if (!IsVectorAccessible(constructor) || constructor.Parameters.Length == 0 || (bestMembers is not null && constructor.Parameters.Length <= bestMembers.Count)) continue;
            if (hasRequired && !SetsRequiredMembers(constructor)) continue;
            var members = new List<ISymbol>();
            foreach (var parameter in constructor.Parameters)
            {
                if (!IsNumber(parameter.Type) || !readable.TryGetValue(parameter.Name, out var member) ||
                    !SymbolEqualityComparer.Default.Equals(member.Type, parameter.Type))
                {
                    members = null;
                    break;
                }
                members.Add(member.Member);
            }
            if (members is null) continue;
            (best, bestMembers) = (constructor, members);
        }

        string purpose = $"build the {attribute.ToLowerInvariant()} '{property.Name}'";
        if (best is not null)
        {
            if (ReportObsolete(UseMember(best), typeLocation, purpose) || bestMembers!.Any(m => ReportObsolete(UseMember(m), typeLocation, purpose))) return null;
            return (bestMembers!.Select(Component).ToList(), true);
        }

        var parameterless = type.InstanceConstructors.FirstOrDefault(c => c.Parameters.Length == 0 && IsVectorAccessible(c));
        string? problem =
            settable.Count == 0 ? $"'{SymbolText.Display(type)}' has no constructor taking float or double members and no settable float or double members" :
            type.TypeKind != TypeKind.Struct && parameterless is null ? $"'{SymbolText.Display(type)}' has no accessible parameterless constructor for an object initializer, and no constructor taking float or double members" :
            null;
        if (problem is not null)
        {
            Report(DiagnosticDescriptors.CannotBeSet, typeLocation, property.Name, problem);
            return null;
        }
        if ((parameterless is not null && ReportObsolete(UseMember(parameterless), typeLocation, purpose)) ||
            settable.Any(m => ReportObsolete(UseMember(m), typeLocation, purpose)))
            return null;
        return (settable.Select(Component).ToList(), false);
    }

    private static bool IsNumber(ITypeSymbol type) => type.SpecialType is SpecialType.System_Single or SpecialType.System_Double;

    private static bool IsVectorAccessible(ISymbol symbol) =>
        symbol.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal;

    private static ComponentModel Component(ISymbol member)
    {
        var type = member switch { IPropertySymbol p => p.Type, IFieldSymbol f => f.Type, _ => null };
        return new ComponentModel(member.Name, type?.SpecialType == SpecialType.System_Single);
    }
}
