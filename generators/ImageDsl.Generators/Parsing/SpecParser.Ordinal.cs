using System.Linq;
using ImageDsl.Generators.Diagnostics;
using ImageDsl.Generators.Model;
using ImageDsl.Generators.Shared;
using Microsoft.CodeAnalysis;

namespace ImageDsl.Generators.Parsing;

internal sealed partial class SpecParser
{
    /// <summary>More ranks than this is a regression in disguise (and a wide confusion matrix).</summary>
    private const int MaxOrdinalRanks = 100;

    /// <summary>An <c>[Ordinal]</c> property: an enum's members, or an <c>int</c>'s numbers from first to last (rule IMGDSL0041).</summary>
    [ReadsTarget("OrdinalAttribute")]
    private OrdinalTargetModel? OrdinalTarget(IPropertySymbol property, AttributeReader arguments)
    {
        var typeLocation = PropertyTypeLocation(property);
        bool declaresRange = arguments.HasConstructorArguments;
        var (column, weight, metrics, _) = Common(arguments, property, "ordinal", TargetKinds.Ordinal);

        if (property.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
        {
            if (declaresRange)
                Report(DiagnosticDescriptors.OptionDoesNotApply, arguments.Location, "A first and last rank", property.Name, "an enum target's ranks are its members, lowest first");
            if (EnumLabels(enumType, typeLocation) is not { } members) return null;
            if (members.Count is < 2 or > MaxOrdinalRanks)
            {
                Report(DiagnosticDescriptors.InvalidTargetDeclaration, typeLocation, property.Name, "ordinal",
                    $"{SymbolText.Display(enumType)} has {members.Count} member(s); an ordinal target has 2 to {MaxOrdinalRanks} ranks");
                return null;
            }
            return new OrdinalTargetModel(property.Name, column, weight, metrics, SymbolText.FullyQualified(enumType), new EquatableArray<LabelModel>(members), 0);
        }
        if (property.Type.SpecialType != SpecialType.System_Int32)
        {
            Report(DiagnosticDescriptors.UnsupportedTargetType, typeLocation, property.Name, SymbolText.Minimal(property.Type), "Ordinal",
                "an enum (its members are the ranks) or an int with [Ordinal(first, last)]");
            return null;
        }
        if (!declaresRange)
        {
            Report(DiagnosticDescriptors.InvalidTargetDeclaration, arguments.Location, property.Name, "ordinal", "an int target declares its ranks: [Ordinal(first, last)]");
            return null;
        }
        if (arguments.ConstructorDouble(0) is not { } first || arguments.ConstructorDouble(1) is not { } last) return Invalid<OrdinalTargetModel>();
        if (!(last > first) || last - first + 1 > MaxOrdinalRanks)
        {
            Report(DiagnosticDescriptors.InvalidTargetDeclaration, arguments.Location, property.Name, "ordinal",
                $"ranks {SymbolText.Number(first)} to {SymbolText.Number(last)}: the last must be above the first, and an ordinal target has at most {MaxOrdinalRanks} ranks");
            return null;
        }
        var ranks = Enumerable.Range((int)first, (int)(last - first) + 1).Select(v => new LabelModel(Literals(v), null)).ToList();
        return new OrdinalTargetModel(property.Name, column, weight, metrics, "int", new EquatableArray<LabelModel>(ranks), (int)first);
    }

    private static string Literals(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
