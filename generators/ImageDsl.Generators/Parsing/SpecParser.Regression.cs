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
    private bool IsFloatingPoint(IPropertySymbol property, string attribute)
    {
        if (property.Type.SpecialType is SpecialType.System_Single or SpecialType.System_Double) return true;
        Report(DiagnosticDescriptors.UnsupportedTargetType, PropertyTypeLocation(property), property.Name, SymbolText.Minimal(property.Type), attribute, "float or double");
        return false;
    }

    /// <summary>A <c>[Range]</c> property: bounded, or periodic (rule IMGDSL0026).</summary>
    private ScalarTargetModel? RangeTarget(IPropertySymbol property, AttributeReader arguments)
    {
        if (!IsFloatingPoint(property, "Range")) return null;
        if (arguments.ConstructorDouble(0) is not { } min || arguments.ConstructorDouble(1) is not { } max) return Invalid<ScalarTargetModel>();
        bool rangeValid = min < max && !double.IsInfinity(min) && !double.IsInfinity(max);
        if (!rangeValid)
            Report(DiagnosticDescriptors.InvalidRange, arguments.Location, property.Name, SymbolText.Number(min), SymbolText.Number(max));

        var unit = arguments.String("Unit");
        bool periodic = arguments.Bool("Periodic");
        if (!periodic) NotApplicable(arguments, property, "it is not Periodic", "Period");
        else if (rangeValid) CheckPeriod(arguments, property, min, max, unit);

        var (column, weight, metrics, loss) = Common(arguments, property, periodic ? "periodic" : "range", periodic ? TargetKinds.Periodic : TargetKinds.Range);
        var huberDelta = HuberDelta(arguments, property);
        bool isFloat = property.Type.SpecialType == SpecialType.System_Single;
        // A negative or non-finite tolerance means none: it only adds a reported share.
        var tolerance = arguments.Double("Tolerance", 0);
        if (!(tolerance > 0) || double.IsInfinity(tolerance)) tolerance = 0;
        var imageRotation = ImageRotation(arguments, property, unit);
        return new ScalarTargetModel(property.Name, column, weight, metrics, periodic ? ScalarKind.Periodic : ScalarKind.Range, isFloat, min, max, unit, loss, huberDelta, tolerance,
            imageRotation);
    }

    /// <summary>The declared <c>RotationSense</c> member, or null; it needs an angle unit to know how a turn changes the value (rule IMGDSL0032).</summary>
    private string? ImageRotation(AttributeReader arguments, IPropertySymbol property, string? unit)
    {
        if (arguments.Enum("ImageRotation") is not { Member: { } sense } || sense == "None") return null;
        if (AugmentationRules.IsAngleUnit(unit)) return sense;
        Report(DiagnosticDescriptors.OptionDoesNotApply, arguments.ArgumentLocation("ImageRotation"), "ImageRotation", property.Name,
            $"it needs Unit = \"degrees\" or \"radians\" to know how far a turn of the image moves the value, and the unit is {(unit is null ? "not declared" : $"'{unit}'")}");
        return null;
    }

    private void CheckPeriod(AttributeReader arguments, IPropertySymbol property, double min, double max, string? unit)
    {
        double span = max - min;
        string? problem = null;
        if (arguments.Has("Period"))
        {
            var period = arguments.Double("Period", 0);
            if (!IsPositiveFinite(period) || Math.Abs(span - period) > 1e-9 * Math.Max(1, period))
                problem = $"the declared Period is {SymbolText.Number(period)}";
        }
        else
        {
            switch (unit?.Trim().ToLowerInvariant())
            {
                case "degrees" or "degree" or "deg" or "°":
                    if (Math.Abs(span - 360) > 1e-9 * 360) problem = $"a full turn in {unit} is 360 (declare Period = {SymbolText.Number(span)} if it really repeats every {SymbolText.Number(span)})";
                    break;
                case "radians" or "radian" or "rad":
                    if (Math.Abs(span - 2 * Math.PI) > 1e-6) problem = $"a full turn in {unit} is 2π (declare Period = {SymbolText.Number(span)} if it really repeats every {SymbolText.Number(span)})";
                    break;
            }
        }
        if (problem is not null)
            Report(DiagnosticDescriptors.NotAFullPeriod, arguments.Location, property.Name, SymbolText.Number(min), SymbolText.Number(max), SymbolText.Number(span), problem);
    }

    /// <summary>A <c>[Value]</c> property: unbounded, standardized on the training set.</summary>
    private ScalarTargetModel? ValueTarget(IPropertySymbol property, AttributeReader arguments)
    {
        if (!IsFloatingPoint(property, "Value")) return null;
        var unit = arguments.String("Unit");
        var (column, weight, metrics, loss) = Common(arguments, property, "value", TargetKinds.Value);
        var huberDelta = HuberDelta(arguments, property);
        bool isFloat = property.Type.SpecialType == SpecialType.System_Single;
        return new ScalarTargetModel(property.Name, column, weight, metrics, ScalarKind.Value, isFloat, 0, 0, unit, loss, huberDelta);
    }

    /// <summary>A <c>[Vector]</c> or <c>[Box]</c> property (rules 0003, 0004, 0024, 0025, 0027).</summary>
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
                 !record.IsGenericType && RecordComponents(record) is { } found)
        {
            if (found.Components.Count == 0)
            {
                Report(DiagnosticDescriptors.CannotBeSet, typeLocation, property.Name,
                    $"'{SymbolText.Display(record)}' has no constructor taking float or double members and no settable float or double members");
                return null;
            }
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
        if (hasMin != hasMax || (hasMin && !(min < max && !double.IsInfinity(min) && !double.IsInfinity(max))))
            Report(DiagnosticDescriptors.InvalidRange, arguments.Location, property.Name, hasMin ? SymbolText.Number(min) : "unset", hasMax ? SymbolText.Number(max) : "unset");

        var unit = arguments.Has("Unit") ? arguments.String("Unit") : isBox ? "px" : null;
        var (column, weight, metrics, loss) = Common(arguments, property, isBox ? "box" : "vector", isBox ? TargetKinds.Box : points ? TargetKinds.Points : TargetKinds.Vector);
        var huberDelta = HuberDelta(arguments, property);
        return new VectorTargetModel(property.Name, column, weight, metrics, SymbolText.FullyQualified(type), isArray, type.IsReferenceType,
            new EquatableArray<ComponentModel>(components), new EquatableArray<string>(columns), hasMin && hasMax, hasMin ? min : 0, hasMax ? max : 0,
            unit, loss, huberDelta, box, usesConstructor, points);
    }

    /// <summary>
    /// The float components of a record or struct: the parameters of its widest constructor whose
    /// parameters are all float or double and each named after a readable member (a positional
    /// record's primary constructor); else its settable float or double fields and properties.
    /// </summary>
    private static (List<ComponentModel> Components, bool UsesConstructor)? RecordComponents(INamedTypeSymbol type)
    {
        static bool IsNumber(ITypeSymbol t) => t.SpecialType is SpecialType.System_Single or SpecialType.System_Double;
        static bool Accessible(ISymbol s) => s.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal;

        var readable = new Dictionary<string, (string Name, ITypeSymbol Type)>(StringComparer.OrdinalIgnoreCase);
        var settable = new List<ComponentModel>();
        foreach (var member in type.GetMembers())
        {
            if (member.IsStatic || member.IsImplicitlyDeclared || !Accessible(member)) continue;
            switch (member)
            {
                case IPropertySymbol { IsIndexer: false, RefKind: RefKind.None } p when p.GetMethod is { } get && Accessible(get):
                    readable[p.Name] = (p.Name, p.Type);
                    if (IsNumber(p.Type) && p.SetMethod is { } set && Accessible(set)) settable.Add(new ComponentModel(p.Name, p.Type.SpecialType == SpecialType.System_Single));
                    break;
                case IFieldSymbol { IsConst: false } f:
                    readable[f.Name] = (f.Name, f.Type);
                    if (IsNumber(f.Type) && !f.IsReadOnly) settable.Add(new ComponentModel(f.Name, f.Type.SpecialType == SpecialType.System_Single));
                    break;
            }
        }

        List<ComponentModel>? best = null;
        foreach (var constructor in type.InstanceConstructors)
        {
            if (!Accessible(constructor) || constructor.Parameters.Length == 0 || (best is not null && constructor.Parameters.Length <= best.Count)) continue;
            var components = new List<ComponentModel>();
            foreach (var parameter in constructor.Parameters)
            {
                if (!IsNumber(parameter.Type) || !readable.TryGetValue(parameter.Name, out var member) ||
                    !SymbolEqualityComparer.Default.Equals(member.Type, parameter.Type))
                {
                    components = null;
                    break;
                }
                components.Add(new ComponentModel(member.Name, parameter.Type.SpecialType == SpecialType.System_Single));
            }
            if (components is not null) best = components;
        }
        if (best is not null) return (best, true);

        bool parameterless = type.TypeKind == TypeKind.Struct || type.InstanceConstructors.Any(c => c.Parameters.Length == 0 && Accessible(c));
        bool required = type.GetMembers().Any(m => m is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true });
        return parameterless && !required ? (settable, false) : (new List<ComponentModel>(), false);
    }
}
