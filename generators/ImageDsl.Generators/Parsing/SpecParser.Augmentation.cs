using System.Collections.Generic;
using System.Linq;
using ImageDsl.Generators.Diagnostics;
using ImageDsl.Generators.Model;
using ImageDsl.Generators.Shared;
using Microsoft.CodeAnalysis;

namespace ImageDsl.Generators.Parsing;

internal sealed partial class SpecParser
{
    private const string FlipHorizontal = "FlipHorizontal";
    private const string RandomResizedCrop = "RandomResizedCrop";
    private static readonly string[] NumericAugmentations =
        ["Shift", "Rotation", "Scale", "Brightness", "Contrast", "Noise", "CropScaleMin", "CropScaleMax", "CropRatioMin", "CropRatioMax",
         "JitterBrightness", "JitterContrast", "JitterSaturation", "JitterHue", "Mixup", "CutMix"];

    /// <summary>The values an unset property has: torchvision's crop defaults, 0 (off) for everything else.</summary>
    private static double DefaultAugmentation(string name) => name switch
    {
        "CropScaleMin" => AugmentationRules.DefaultCropScaleMin,
        "CropScaleMax" => AugmentationRules.DefaultCropScaleMax,
        "CropRatioMin" => AugmentationRules.DefaultCropRatioMin,
        "CropRatioMax" => AugmentationRules.DefaultCropRatioMax,
        _ => 0,
    };

    /// <summary>
    /// The spec's <c>[Augment]</c>, or null if it has none: its values valid (rule IMGDSL0034) and
    /// corrupting none of the targets (IMGDSL0035–0037). The rules are the runtime's own
    /// (<see cref="AugmentationRules"/> is compiled into both), so a spec that compiles is never
    /// refused by <c>Augmentation.Validate</c> or <c>Augmentation.Conflicts</c> for these reasons.
    /// </summary>
    private AugmentationModel? Augmentation(INamedTypeSymbol type, List<ParsedTarget> targets)
    {
        var attributes = type.GetAttributes().Where(a => IsRuntimeType(a.AttributeClass, TypeNames.AugmentAttributeName)).ToList();
        if (attributes.Count == 0) return null;
        // [Augment] twice is a compiler error (CS0579).
        if (attributes.Count > 1) return Invalid<AugmentationModel>();

        var arguments = new AttributeReader(attributes[0], cancellation);
        var values = new Dictionary<string, double>();
        var usable = new HashSet<string>();
        foreach (var name in NumericAugmentations)
        {
            var value = arguments.Double(name, DefaultAugmentation(name));
            values[name] = value;
            if (AugmentationRules.Problem(name, value) is { } problem)
                Report(DiagnosticDescriptors.InvalidAugmentation, arguments.ArgumentLocation(name), name, SymbolText.Number(value), problem);
            else if (value > 0) usable.Add(name);
        }
        CheckBounds(arguments, values, "CropScaleMin", "CropScaleMax");
        CheckBounds(arguments, values, "CropRatioMin", "CropRatioMax");
        bool flip = arguments.Bool(FlipHorizontal);
        if (flip) usable.Add(FlipHorizontal);
        bool crop = arguments.Bool(RandomResizedCrop);
        if (crop) usable.Add(RandomResizedCrop);
        if (arguments.IsBroken) return Invalid<AugmentationModel>();

        foreach (var target in targets)
            if (target.Model is { } model) CheckAugmentation(model, arguments, values, usable);

        return new AugmentationModel(values["Shift"], values["Rotation"], values["Scale"], flip, values["Brightness"], values["Contrast"], values["Noise"])
        {
            RandomResizedCrop = crop,
            CropScaleMin = values["CropScaleMin"],
            CropScaleMax = values["CropScaleMax"],
            CropRatioMin = values["CropRatioMin"],
            CropRatioMax = values["CropRatioMax"],
            JitterBrightness = values["JitterBrightness"],
            JitterContrast = values["JitterContrast"],
            JitterSaturation = values["JitterSaturation"],
            JitterHue = values["JitterHue"],
            Mixup = values["Mixup"],
            CutMix = values["CutMix"],
        };
    }

    /// <summary>Rule IMGDSL0034 for a pair of bounds: the minimum may not exceed the maximum (reported where the minimum is written, else on the attribute).</summary>
    private void CheckBounds(AttributeReader arguments, Dictionary<string, double> values, string min, string max)
    {
        if (AugmentationRules.RangeProblem(min, values[min], max, values[max]) is not { } problem) return;
        Report(DiagnosticDescriptors.InvalidAugmentation, arguments.ArgumentLocation(min), min, SymbolText.Number(values[min]), $"is larger than {max} ({SymbolText.Number(values[max])})");
    }

    /// <summary>Rules IMGDSL0035–0037 and 0044 for one target; <paramref name="on"/> holds the augmentations that are valid and switched on.</summary>
    private void CheckAugmentation(TargetModel target, AttributeReader arguments, Dictionary<string, double> values, HashSet<string> on)
    {
        // A target declared as the image's own rotation is turned (and mirrored) with the image; its model says no unit.
        if (target.AngleUnit is { } unit)
        {
            if (on.Contains("Rotation"))
                Report(DiagnosticDescriptors.RotationChangesAngle, arguments.ArgumentLocation("Rotation"),
                    $"Rotation = {SymbolText.Number(values["Rotation"])}", target.Name, unit, "rotating the image changes the answer");
            if (on.Contains(FlipHorizontal))
                Report(DiagnosticDescriptors.RotationChangesAngle, arguments.ArgumentLocation(FlipHorizontal),
                    "FlipHorizontal = true", target.Name, unit, "a mirror turns it the other way");
        }
        if (target.IsUnmovablePosition)
        {
            foreach (var name in AugmentationRules.Geometric)
            {
                if (!on.Contains(name)) continue;
                var value = name is FlipHorizontal or RandomResizedCrop ? "true" : SymbolText.Number(values[name]);
                Report(DiagnosticDescriptors.GeometricMovesVector, arguments.ArgumentLocation(name), name, value, target.Name);
            }
        }
        if (!target.MixesAsLabels)
        {
            foreach (var name in new[] { "Mixup", "CutMix" })
                if (on.Contains(name))
                    Report(DiagnosticDescriptors.MixingNeedsLabels, arguments.ArgumentLocation(name), name, SymbolText.Number(values[name]), target.Name,
                        $"a {target.Evaluation.What.ToLowerInvariant()} target");
        }
        if (on.Contains(FlipHorizontal) && target.LabelNames.Where(AugmentationRules.NamesASide).ToList() is { Count: > 0 } sides)
            Report(DiagnosticDescriptors.FlipSwapsSides, arguments.ArgumentLocation(FlipHorizontal), target.Name,
                string.Join(", ", sides.Select(label => $"'{label}'")));
    }
}
