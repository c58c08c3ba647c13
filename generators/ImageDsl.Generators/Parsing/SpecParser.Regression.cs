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
    [ReadsTarget("RangeAttribute")]
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
        // A range's prediction is clamped into it; a periodic error is taken the short way round.
        var tolerance = !rangeValid ? 0
            : periodic ? Tolerance(arguments, property, (max - min) / 2, $"a circular error is at most half the period of {SymbolText.Number(max - min)}")
            : Tolerance(arguments, property, max - min, $"a prediction is clamped into [{SymbolText.Number(min)}, {SymbolText.Number(max)}]");
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
    [ReadsTarget("ValueAttribute")]
    private ScalarTargetModel? ValueTarget(IPropertySymbol property, AttributeReader arguments)
    {
        if (!IsFloatingPoint(property, "Value")) return null;
        var unit = arguments.String("Unit");
        var (column, weight, metrics, loss) = Common(arguments, property, "value", TargetKinds.Value);
        var huberDelta = HuberDelta(arguments, property);
        bool isFloat = property.Type.SpecialType == SpecialType.System_Single;
        var tolerance = Tolerance(arguments, property, largestError: null, "");
        return new ScalarTargetModel(property.Name, column, weight, metrics, ScalarKind.Value, isFloat, 0, 0, unit, loss, huberDelta, tolerance);
    }
}
