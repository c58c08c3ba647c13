using System.Collections.Generic;
using System.Linq;
using ImageDsl.Generators.Diagnostics;
using ImageDsl.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ImageDsl.Generators.Parsing;

internal sealed partial class SpecParser
{
    /// <summary>A property marked as a target; <see cref="Model"/> is null if it broke a rule.</summary>
    private sealed class ParsedTarget(IPropertySymbol property, bool isLabels)
    {
        public IPropertySymbol Property { get; } = property;
        public bool IsLabels { get; } = isLabels;
        public TargetModel? Model { get; set; }
    }

    /// <summary>The target properties in declaration order (rules 0002, 0009, 0013, 0014 and the per-kind rules).</summary>
    private List<ParsedTarget> Targets(INamedTypeSymbol type, Location identifier)
    {
        var targets = new List<ParsedTarget>();
        bool anyDeclared = false;
        foreach (var member in type.GetMembers())
        {
            cancellation.ThrowIfCancellationRequested();
            if (member is not IPropertySymbol property) continue;
            AttributeData? labels = null, range = null;
            foreach (var attribute in property.GetAttributes())
            {
                if (IsRuntimeType(attribute.AttributeClass, TypeNames.LabelsAttributeName)) labels ??= attribute;
                else if (IsRuntimeType(attribute.AttributeClass, TypeNames.RangeAttributeName)) range ??= attribute;
            }
            if (labels is null && range is null) continue;
            anyDeclared = true;

            if (labels is not null && range is not null)
            {
                Report(DiagnosticDescriptors.BothLabelsAndRange, new AttributeReader(Later(labels, range), cancellation).Location, property.Name);
                continue;
            }
            var target = new ParsedTarget(property, isLabels: labels is not null);
            targets.Add(target);
            if (CheckTargetProperty(property))
                target.Model = labels is not null ? LabelTarget(property, labels) : RangeTarget(property, range!);
        }
        if (!anyDeclared) Report(DiagnosticDescriptors.NoTargets, identifier, type.Name);
        return targets;
    }

    /// <summary>Of two attributes on one property, the one written second.</summary>
    private static AttributeData Later(AttributeData first, AttributeData second)
    {
        var a = first.ApplicationSyntaxReference;
        var b = second.ApplicationSyntaxReference;
        return a is not null && b is not null && a.SyntaxTree == b.SyntaxTree && a.Span.Start > b.Span.Start ? first : second;
    }

    /// <summary>Rules IMGDSL0014 and IMGDSL0013.</summary>
    private bool CheckTargetProperty(IPropertySymbol property)
    {
        string? problem =
            property.IsStatic ? "static" :
            property.IsIndexer ? "an indexer" :
            property.ExplicitInterfaceImplementations.Length > 0 ? "an explicit interface implementation" :
            null;
        if (problem is not null)
        {
            Report(DiagnosticDescriptors.UnsupportedTargetProperty, PropertyLocation(property), property.Name, problem);
            return false;
        }
        if (property.GetMethod is null)
        {
            Report(DiagnosticDescriptors.TargetWithoutGetter, PropertyLocation(property), property.Name);
            return false;
        }
        return true;
    }

    private LabelTargetModel? LabelTarget(IPropertySymbol property, AttributeData attribute)
    {
        var typeLocation = PropertyTypeLocation(property);
        if (property.Type.TypeKind == TypeKind.Error) return Invalid<LabelTargetModel>();
        if (property.Type is not INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
        {
            Report(DiagnosticDescriptors.UnsupportedTargetType, typeLocation, property.Name, SymbolText.Minimal(property.Type), "Labels", "an enum");
            return null;
        }

        var labels = new List<LabelModel>();
        var byValue = new Dictionary<string, string>();
        foreach (var member in enumType.GetMembers())
        {
            if (member is not IFieldSymbol { IsStatic: true, IsImplicitlyDeclared: false } field) continue;
            if (!field.HasConstantValue) return Invalid<LabelTargetModel>();
            var value = SymbolText.Constant(field.ConstantValue);
            if (byValue.TryGetValue(value, out var first))
            {
                Report(DiagnosticDescriptors.DuplicateLabelValues, typeLocation, SymbolText.Display(enumType), first, field.Name, value);
                return null;
            }
            byValue.Add(value, field.Name);
            labels.Add(new LabelModel(field.Name, value));
        }
        if (labels.Count < 2)
        {
            var count = labels.Count == 0 ? "no members" : $"only the member '{labels[0].Name}'";
            Report(DiagnosticDescriptors.TooFewLabels, typeLocation, SymbolText.Display(enumType), property.Name, count);
        }

        var arguments = new AttributeReader(attribute, cancellation);
        var column = Column(arguments, property);
        var lossWeight = LossWeight(arguments, property);
        var smoothing = arguments.Double("LabelSmoothing", TypeNames.DefaultLabelSmoothing);
        if (!(smoothing >= 0 && smoothing < 1))
            Report(DiagnosticDescriptors.InvalidLabelSmoothing, arguments.ArgumentLocation("LabelSmoothing"), property.Name, SymbolText.Number(smoothing));
        if (arguments.IsBroken) valid = false;

        return new LabelTargetModel(property.Name, column, lossWeight, smoothing, SymbolText.FullyQualified(enumType), new EquatableArray<LabelModel>(labels));
    }

    private RangeTargetModel? RangeTarget(IPropertySymbol property, AttributeData attribute)
    {
        if (property.Type.TypeKind == TypeKind.Error) return Invalid<RangeTargetModel>();
        if (property.Type.SpecialType is not (SpecialType.System_Single or SpecialType.System_Double))
        {
            Report(DiagnosticDescriptors.UnsupportedTargetType, PropertyTypeLocation(property), property.Name, SymbolText.Minimal(property.Type), "Range", "float or double");
            return null;
        }

        var arguments = new AttributeReader(attribute, cancellation);
        if (arguments.ConstructorDouble(0) is not { } min || arguments.ConstructorDouble(1) is not { } max) return Invalid<RangeTargetModel>();
        if (!(min < max) || double.IsInfinity(min) || double.IsInfinity(max))
            Report(DiagnosticDescriptors.InvalidRange, arguments.Location, property.Name, SymbolText.Number(min), SymbolText.Number(max));

        var unit = arguments.String("Unit");
        var loss = EnumMember(arguments, "Loss", TypeNames.DefaultRegressionLoss);
        var huberDelta = arguments.Double("HuberDelta", TypeNames.DefaultHuberDelta);
        if (!IsPositiveFinite(huberDelta))
            Report(DiagnosticDescriptors.InvalidHuberDelta, arguments.ArgumentLocation("HuberDelta"), property.Name, SymbolText.Number(huberDelta));
        var column = Column(arguments, property);
        var lossWeight = LossWeight(arguments, property);
        if (arguments.IsBroken) valid = false;

        bool isFloat = property.Type.SpecialType == SpecialType.System_Single;
        return new RangeTargetModel(property.Name, column, lossWeight, isFloat, min, max, unit, loss, huberDelta);
    }

    /// <summary>The CSV column (rule IMGDSL0019): the declared one, else the property name.</summary>
    private string Column(AttributeReader arguments, IPropertySymbol property)
    {
        var column = arguments.String("Column");
        if (column is not null && column.Trim().Length == 0)
            Report(DiagnosticDescriptors.EmptyColumn, arguments.ArgumentLocation("Column"), property.Name);
        return column ?? property.Name;
    }

    /// <summary>Rule IMGDSL0011.</summary>
    private double LossWeight(AttributeReader arguments, IPropertySymbol property)
    {
        var weight = arguments.Double("LossWeight", TypeNames.DefaultLossWeight);
        if (!IsPositiveFinite(weight))
            Report(DiagnosticDescriptors.InvalidLossWeight, arguments.ArgumentLocation("LossWeight"), property.Name, SymbolText.Number(weight));
        return weight;
    }

    private static bool IsPositiveFinite(double value) => value > 0 && !double.IsInfinity(value);

    /// <summary>Compiler errors make the spec invalid without a diagnostic of ours.</summary>
    private T? Invalid<T>() where T : class
    {
        valid = false;
        return null;
    }

    private static Location PropertyLocation(IPropertySymbol property) =>
        property.Locations.FirstOrDefault(l => l.IsInSource) ?? Location.None;

    /// <summary>The type as written in the property (or positional record parameter) declaration.</summary>
    private Location PropertyTypeLocation(IPropertySymbol property)
    {
        foreach (var reference in property.DeclaringSyntaxReferences)
        {
            switch (reference.GetSyntax(cancellation))
            {
                case PropertyDeclarationSyntax declaration: return declaration.Type.GetLocation();
                case ParameterSyntax { Type: { } type }: return type.GetLocation();
            }
        }
        return PropertyLocation(property);
    }
}
