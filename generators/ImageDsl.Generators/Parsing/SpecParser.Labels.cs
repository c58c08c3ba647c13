using System.Collections.Generic;
using System.Linq;
using ImageDsl.Generators.Diagnostics;
using ImageDsl.Generators.Model;
using ImageDsl.Generators.Shared;
using Microsoft.CodeAnalysis;

namespace ImageDsl.Generators.Parsing;

internal sealed partial class SpecParser
{
    private static readonly string[] SetTypes =
    [
        "System.Collections.Generic.IReadOnlySet<T>", "System.Collections.Generic.ISet<T>", "System.Collections.Generic.HashSet<T>",
        "System.Collections.Generic.IReadOnlyCollection<T>", "System.Collections.Generic.ICollection<T>", "System.Collections.Generic.IEnumerable<T>",
    ];

    /// <summary>A <c>[Labels]</c> property: the kind follows from its type.</summary>
    [ReadsTarget("LabelsAttribute")]
    private TargetModel? LabelsTarget(IPropertySymbol property, AttributeReader arguments)
    {
        var type = property.Type;
        if (arguments.ConstructorStrings() is not { } listed) return Invalid<TargetModel>();
        if (type.SpecialType == SpecialType.System_Boolean) return BinaryTarget(property, arguments, listed);
        if (type.SpecialType == SpecialType.System_String) return StringTarget(property, arguments, listed);
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
        {
            if (listed.Length > 0)
                Report(DiagnosticDescriptors.OptionDoesNotApply, arguments.Location, "A label list", property.Name, "an enum target's labels are its members");
            return IsFlags(enumType)
                ? MultiLabelTarget(property, arguments, enumType, isFlags: true)
                : EnumTarget(property, arguments, enumType);
        }
        if (SetElement(type) is { } element)
        {
            if (element.TypeKind == TypeKind.Error) return Invalid<TargetModel>();
            if (listed.Length > 0)
                Report(DiagnosticDescriptors.OptionDoesNotApply, arguments.Location, "A label list", property.Name, "a set's labels are its enum's members");
            return MultiLabelTarget(property, arguments, element, isFlags: false);
        }
        Report(DiagnosticDescriptors.UnsupportedTargetType, PropertyTypeLocation(property), property.Name, SymbolText.Minimal(type), "Labels",
            "an enum, a [Flags] enum or a set of an enum, a bool, or a string listing its labels");
        return null;
    }

    private static bool IsFlags(INamedTypeSymbol enumType) =>
        enumType.GetAttributes().Any(a => SymbolText.IsType(a.AttributeClass, TypeNames.FlagsAttributeMetadataName));

    /// <summary>The enum element of a set type the binding can fill with a <c>HashSet</c>; null for anything else.</summary>
    private static INamedTypeSymbol? SetElement(ITypeSymbol type) =>
        type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named &&
        SetTypes.Contains(named.OriginalDefinition.ToDisplayString()) &&
        named.TypeArguments[0] is INamedTypeSymbol { TypeKind: TypeKind.Enum or TypeKind.Error } element
            ? element
            : null;

    /// <summary>
    /// The members of a label enum in declaration order (rule IMGDSL0015); null if broken. A member
    /// obsolete as an error is no label (no code may use it), and neither is an obsolete member
    /// that shares its value with a current one (an old name kept for old code).
    /// </summary>
    private List<LabelModel>? EnumLabels(INamedTypeSymbol enumType, Location typeLocation)
    {
        var members = LabelMembers(enumType);
        if (members.Any(m => !m.HasConstantValue)) return Invalid<List<LabelModel>>();
        var currentValues = new HashSet<string>(members.Where(m => !IsObsolete(m)).Select(m => SymbolText.Constant(m.ConstantValue)));
        var labels = new List<LabelModel>();
        var byValue = new Dictionary<string, string>();
        foreach (var field in members)
        {
            var value = SymbolText.Constant(field.ConstantValue);
            if (IsObsolete(field) && currentValues.Contains(value)) continue;
            if (byValue.TryGetValue(value, out var first))
            {
                Report(DiagnosticDescriptors.DuplicateLabelValues, typeLocation, SymbolText.Display(enumType), first, field.Name, value);
                return null;
            }
            byValue.Add(value, field.Name);
            UseMember(field);
            labels.Add(new LabelModel(field.Name, value));
        }
        return labels;
    }

    /// <summary>An enum's members that may be labels, in declaration order: all but those obsolete as errors.</summary>
    private List<IFieldSymbol> LabelMembers(INamedTypeSymbol enumType)
    {
        var members = new List<IFieldSymbol>();
        foreach (var member in enumType.GetMembers())
        {
            cancellation.ThrowIfCancellationRequested();
            if (member is IFieldSymbol { IsStatic: true, IsImplicitlyDeclared: false } field && !IsObsoleteError(field)) members.Add(field);
        }
        return members;
    }

    private LabelTargetModel? EnumTarget(IPropertySymbol property, AttributeReader arguments, INamedTypeSymbol enumType)
    {
        var typeLocation = PropertyTypeLocation(property);
        if (EnumLabels(enumType, typeLocation) is not { } labels) return null;
        if (labels.Count < 2)
        {
            var count = labels.Count == 0 ? "no members" : $"only the member '{labels[0].Name}'";
            Report(DiagnosticDescriptors.TooFewLabels, typeLocation, SymbolText.Display(enumType), property.Name, count);
        }
        return ClassTarget(property, arguments, SymbolText.FullyQualified(enumType), isString: false, labels);
    }

    private LabelTargetModel? StringTarget(IPropertySymbol property, AttributeReader arguments, string[] listed)
    {
        if (listed.Length < 2) Report(DiagnosticDescriptors.TooFewListedLabels, arguments.Location, property.Name, listed.Length);
        CheckDistinct(listed, arguments, property);
        return ClassTarget(property, arguments, "string", isString: true, listed.Select(l => new LabelModel(l, null)).ToList());
    }

    private void CheckDistinct(IEnumerable<string> labels, AttributeReader arguments, IPropertySymbol property)
    {
        var seen = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
        foreach (var label in labels)
        {
            if (seen.Add(label)) continue;
            Report(DiagnosticDescriptors.DuplicateLabels, arguments.Location, property.Name, label);
            return;
        }
    }

    private LabelTargetModel ClassTarget(IPropertySymbol property, AttributeReader arguments, string type, bool isString, List<LabelModel> labels)
    {
        var (column, weight, metrics, loss) = Common(arguments, property, "multi-class", TargetKinds.Labels);
        NotApplicable(arguments, property, "it is a multi-class target", "PositiveWeight", "PositiveWeights", "Threshold", "Thresholds");
        if (TargetKinds.GivesRawScores(loss))
            NotApplicable(arguments, property, $"it is trained with {loss} on raw scores, which have no label smoothing", "LabelSmoothing");
        var smoothing = arguments.Double("LabelSmoothing", TypeNames.DefaultLabelSmoothing);
        if (!(smoothing >= 0 && smoothing < 1))
            Report(DiagnosticDescriptors.InvalidLabelSmoothing, arguments.ArgumentLocation("LabelSmoothing"), property.Name, SymbolText.Number(smoothing));
        var classWeights = Weights(arguments, property, "ClassWeights", labels.Count) ?? new double[0];
        return new LabelTargetModel(property.Name, column, weight, metrics, smoothing, type, isString, new EquatableArray<LabelModel>(labels),
            new EquatableArray<double>(classWeights), loss);
    }

    private BinaryTargetModel BinaryTarget(IPropertySymbol property, AttributeReader arguments, string[] listed)
    {
        var (column, weight, metrics, loss) = Common(arguments, property, "binary", TargetKinds.Binary);
        NotApplicable(arguments, property, "it is a binary target", "LabelSmoothing", "ClassWeights", "PositiveWeights", "Thresholds");
        if (TargetKinds.GivesRawScores(loss))
            NotApplicable(arguments, property, $"it is trained with {loss}, whose raw score is true at or above 0, not a probability", "Threshold");
        if (listed.Length is not (0 or 2))
            Report(DiagnosticDescriptors.OptionDoesNotApply, arguments.Location, $"A list of {listed.Length} label(s)", property.Name,
                "a bool target names exactly two labels, false then true");
        else CheckDistinct(listed, arguments, property);
        var threshold = Threshold(arguments, property);
        var positive = arguments.Double("PositiveWeight", TypeNames.DefaultPositiveWeight);
        if (!IsPositiveFinite(positive))
            Report(DiagnosticDescriptors.InvalidWeights, arguments.ArgumentLocation("PositiveWeight"), "PositiveWeight", property.Name,
                $"is {SymbolText.Number(positive)}, but it must be a positive finite number");
        var (negativeLabel, positiveLabel) = listed.Length == 2 ? (listed[0], listed[1]) : ("false", "true");
        return new BinaryTargetModel(property.Name, column, weight, metrics, threshold, positive, negativeLabel, positiveLabel, loss);
    }

    private MultiLabelTargetModel? MultiLabelTarget(IPropertySymbol property, AttributeReader arguments, INamedTypeSymbol enumType, bool isFlags)
    {
        var typeLocation = PropertyTypeLocation(property);
        List<LabelModel>? labels = isFlags ? FlagLabels(enumType, typeLocation) : EnumLabels(enumType, typeLocation);
        if (labels is null) return null;
        if (labels.Count == 0)
            Report(DiagnosticDescriptors.TooFewLabels, typeLocation, SymbolText.Display(enumType), property.Name, "no members");

        var (column, weight, metrics, _) = Common(arguments, property, "multi-label", TargetKinds.MultiLabel);
        NotApplicable(arguments, property, "it is a multi-label target", "LabelSmoothing", "ClassWeights");
        var threshold = Threshold(arguments, property);
        var thresholds = arguments.Doubles("Thresholds");
        if (thresholds is not null)
        {
            if (thresholds.Length != labels.Count)
                Report(DiagnosticDescriptors.InvalidThreshold, arguments.ArgumentLocation("Thresholds"), "Thresholds", property.Name,
                    $"has {thresholds.Length} value(s), but there is one per label: {labels.Count}");
            else if (thresholds.Any(t => !(t > 0 && t < 1)))
                Report(DiagnosticDescriptors.InvalidThreshold, arguments.ArgumentLocation("Thresholds"), "Thresholds", property.Name,
                    $"holds {SymbolText.Number(thresholds.First(t => !(t > 0 && t < 1)))}, but each must be between 0 and 1 (exclusive)");
        }
        var positive = arguments.Double("PositiveWeight", TypeNames.DefaultPositiveWeight);
        if (!IsPositiveFinite(positive))
            Report(DiagnosticDescriptors.InvalidWeights, arguments.ArgumentLocation("PositiveWeight"), "PositiveWeight", property.Name,
                $"is {SymbolText.Number(positive)}, but it must be a positive finite number");
        var positives = Weights(arguments, property, "PositiveWeights", labels.Count);
        return new MultiLabelTargetModel(property.Name, column, weight, metrics, SymbolText.FullyQualified(enumType), SymbolText.FullyQualified(property.Type),
            isFlags, new EquatableArray<LabelModel>(labels),
            new EquatableArray<double>(thresholds is { } t && t.Length == labels.Count ? t : Enumerable.Repeat(threshold, labels.Count)),
            new EquatableArray<double>(positives ?? Enumerable.Repeat(positive, labels.Count).ToArray()));
    }

    /// <summary>
    /// The members of a multi-label [Flags] enum: none zero (IMGDSL0028), none sharing bits (IMGDSL0029);
    /// as in <see cref="EnumLabels"/>, members obsolete as errors and obsolete aliases are no labels.
    /// </summary>
    private List<LabelModel>? FlagLabels(INamedTypeSymbol enumType, Location typeLocation)
    {
        var members = LabelMembers(enumType);
        if (members.Any(m => !m.HasConstantValue || SymbolText.Bits(m.ConstantValue) is null)) return Invalid<List<LabelModel>>();
        var currentBits = new HashSet<ulong>(members.Where(m => !IsObsolete(m)).Select(m => SymbolText.Bits(m.ConstantValue)!.Value));
        var labels = new List<LabelModel>();
        var bits = new List<(string Name, ulong Bits)>();
        foreach (var field in members)
        {
            var value = SymbolText.Bits(field.ConstantValue)!.Value;
            if (IsObsolete(field) && currentBits.Contains(value)) continue;
            if (value == 0)
            {
                Report(DiagnosticDescriptors.ZeroFlag, typeLocation, field.Name, SymbolText.Display(enumType));
                return null;
            }
            foreach (var (name, other) in bits)
            {
                if ((other & value) == 0) continue;
                Report(DiagnosticDescriptors.OverlappingFlags, typeLocation, name, field.Name, SymbolText.Display(enumType));
                return null;
            }
            bits.Add((field.Name, value));
            UseMember(field);
            labels.Add(new LabelModel(field.Name, SymbolText.Constant(field.ConstantValue)));
        }
        return labels;
    }

    /// <summary>Rule IMGDSL0030 for <c>Threshold</c>.</summary>
    private double Threshold(AttributeReader arguments, IPropertySymbol property)
    {
        var threshold = arguments.Double("Threshold", TypeNames.DefaultThreshold);
        if (!(threshold > 0 && threshold < 1))
            Report(DiagnosticDescriptors.InvalidThreshold, arguments.ArgumentLocation("Threshold"), "Threshold", property.Name,
                $"is {SymbolText.Number(threshold)}, but it must be between 0 and 1 (exclusive)");
        return threshold;
    }

    /// <summary>Rule IMGDSL0031: one positive finite weight per label.</summary>
    private double[]? Weights(AttributeReader arguments, IPropertySymbol property, string name, int labels)
    {
        var weights = arguments.Doubles(name);
        if (weights is null) return null;
        if (weights.Length != labels)
            Report(DiagnosticDescriptors.InvalidWeights, arguments.ArgumentLocation(name), name, property.Name,
                $"has {weights.Length} value(s), but there is one per label: {labels}");
        else if (weights.Any(w => !IsPositiveFinite(w)))
            Report(DiagnosticDescriptors.InvalidWeights, arguments.ArgumentLocation(name), name, property.Name,
                $"holds {SymbolText.Number(weights.First(w => !IsPositiveFinite(w)))}, but each must be a positive finite number");
        else return weights;
        return null;
    }
}
