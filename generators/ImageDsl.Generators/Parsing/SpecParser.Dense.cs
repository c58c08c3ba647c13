using System.Collections.Generic;
using System.Linq;
using ImageDsl.Generators.Diagnostics;
using ImageDsl.Generators.Model;
using ImageDsl.Generators.Shared;
using Microsoft.CodeAnalysis;

namespace ImageDsl.Generators.Parsing;

internal sealed partial class SpecParser
{
    private const int MaxMaskClasses = 255;

    private bool IsRuntimeNamed(ITypeSymbol type, string name, int arity) =>
        type is INamedTypeSymbol named && named.Name == name && named.Arity == arity && named.ContainingNamespace?.ToDisplayString() == "ImageDsl";

    /// <summary>The declared output size, or the input's; reports a negative or oversized one.</summary>
    private (int Width, int Height)? OutputSize(AttributeReader arguments, IPropertySymbol property, string kind)
    {
        int width = arguments.Int("Width", 0), height = arguments.Int("Height", 0);
        if (width < 0 || height < 0 || width > 4096 || height > 4096)
        {
            Report(DiagnosticDescriptors.InvalidTargetDeclaration, arguments.Location, property.Name, kind,
                $"its output size {width}x{height} must be 1 to 4096 pixels a side (0: the input's)");
            return null;
        }
        return (width == 0 ? inputWidth : width, height == 0 ? inputHeight : height);
    }

    /// <summary>A <c>[Map]</c> property: a <c>ValueMap</c>, bounded, log-scaled or unbounded.</summary>
    [ReadsTarget("MapAttribute")]
    private MapTargetModel? MapTarget(IPropertySymbol property, AttributeReader arguments)
    {
        if (!IsRuntimeNamed(property.Type, "ValueMap", 0))
        {
            Report(DiagnosticDescriptors.UnsupportedTargetType, PropertyTypeLocation(property), property.Name, SymbolText.Minimal(property.Type), "Map", "ImageDsl.ValueMap");
            return null;
        }
        var (column, weight, metrics, loss) = Common(arguments, property, "map", TargetKinds.Map);
        if (OutputSize(arguments, property, "map") is not { } size) return null;
        double min = arguments.Double("Min", double.NaN), max = arguments.Double("Max", double.NaN);
        bool log = arguments.Bool("Log");
        if (double.IsNaN(min) != double.IsNaN(max) || min >= max || double.IsInfinity(min) || double.IsInfinity(max))
        {
            Report(DiagnosticDescriptors.InvalidTargetDeclaration, arguments.Location, property.Name, "map",
                $"Min and Max are declared together, Min below Max and both finite (given {SymbolText.Number(min)} and {SymbolText.Number(max)}); leave both out for an unbounded map");
            return null;
        }
        if (log && min <= 0)
        {
            Report(DiagnosticDescriptors.InvalidTargetDeclaration, arguments.Location, property.Name, "map", $"a Log map has positive values, and Min is {SymbolText.Number(min)}");
            return null;
        }
        double scale = arguments.Double("Scale", 1.0);
        if (!IsPositiveFinite(scale))
        {
            Report(DiagnosticDescriptors.InvalidTargetDeclaration, arguments.ArgumentLocation("Scale"), property.Name, "map", $"Scale is {SymbolText.Number(scale)}; it must be positive");
            return null;
        }
        return new MapTargetModel(property.Name, column, weight, metrics, size.Width, size.Height, min, max, log, arguments.String("Unit"), loss,
            HuberDelta(arguments, property), scale, arguments.Double("InvalidValue", double.NaN));
    }

    /// <summary>A <c>[Mask]</c> property: a <c>LabelMap&lt;TEnum&gt;</c> whose enum's members are the classes 0, 1, 2...</summary>
    [ReadsTarget("MaskAttribute")]
    private MaskTargetModel? MaskTarget(IPropertySymbol property, AttributeReader arguments)
    {
        if (!IsRuntimeNamed(property.Type, "LabelMap", 1) || ((INamedTypeSymbol)property.Type).TypeArguments[0] is not INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
        {
            Report(DiagnosticDescriptors.UnsupportedTargetType, PropertyTypeLocation(property), property.Name, SymbolText.Minimal(property.Type), "Mask", "ImageDsl.LabelMap<TEnum> of an enum");
            return null;
        }
        var (column, weight, metrics, loss) = Common(arguments, property, "mask", TargetKinds.Mask);
        if (OutputSize(arguments, property, "mask") is not { } size) return null;
        var members = enumType.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).ToList();
        var byValue = new SortedDictionary<long, string>();
        foreach (var member in members)
        {
            long value = System.Convert.ToInt64(member.ConstantValue, System.Globalization.CultureInfo.InvariantCulture);
            if (!byValue.ContainsKey(value)) byValue.Add(value, member.Name);
        }
        if (byValue.Count < 2 || byValue.Count > MaxMaskClasses || byValue.Keys.First() != 0 || byValue.Keys.Last() != byValue.Count - 1)
        {
            Report(DiagnosticDescriptors.InvalidTargetDeclaration, PropertyTypeLocation(property), property.Name, "mask",
                $"the members of {SymbolText.Display(enumType)} are the class indices of the mask's pixels, so their values must run 0, 1, 2... without gaps (2 to {MaxMaskClasses} classes)");
            return null;
        }
        int ignore = arguments.Int("IgnoreLabel", -1);
        if (ignore >= 0 && ignore < byValue.Count || ignore > 255 || ignore < -1)
        {
            Report(DiagnosticDescriptors.InvalidTargetDeclaration, arguments.ArgumentLocation("IgnoreLabel"), property.Name, "mask",
                $"IgnoreLabel {ignore} must be a pixel value that is no class ({byValue.Count} to 255), or -1 for none");
            return null;
        }
        var weights = arguments.Doubles("ClassWeights") ?? System.Array.Empty<double>();
        if (weights.Length != 0 && (weights.Length != byValue.Count || weights.Any(w => !(w >= 0) || double.IsInfinity(w))))
        {
            Report(DiagnosticDescriptors.InvalidTargetDeclaration, arguments.ArgumentLocation("ClassWeights"), property.Name, "mask",
                $"ClassWeights has {weights.Length} weights; it needs one finite, non-negative weight per class ({byValue.Count})");
            return null;
        }
        return new MaskTargetModel(property.Name, column, weight, metrics, SymbolText.FullyQualified(enumType), new EquatableArray<string>(byValue.Values),
            size.Width, size.Height, ignore, new EquatableArray<double>(weights), loss);
    }
}
