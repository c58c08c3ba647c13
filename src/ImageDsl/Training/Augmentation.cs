using ImageDsl.Specs;

namespace ImageDsl.Training;

/// <summary>
/// Random changes applied to each training image, drawn per image from the training seed.
/// Geometric ones (random resized crop, shift, rotation, scale, flip) move geometric targets with the image;
/// those that would corrupt a target (rotating images whose rotation angle is the target,
/// flipping images whose labels say left or right) are refused before training starts.
/// </summary>
public sealed record Augmentation
{
    /// <summary>No augmentation.</summary>
    public static Augmentation None { get; } = new();

    /// <summary>Largest shift in pixels, in x and in y (uniform in [-Shift, Shift], rounded to whole pixels).</summary>
    public double Shift { get; init; }

    /// <summary>Largest rotation in degrees (uniform in [-Rotation, Rotation]).</summary>
    public double Rotation { get; init; }

    /// <summary>Largest relative scale change (uniform in [1 - Scale, 1 + Scale]).</summary>
    public double Scale { get; init; }

    /// <summary>Mirror left-right with probability one half.</summary>
    public bool FlipHorizontal { get; init; }

    /// <summary>Largest brightness change, as a fraction of full scale (uniform in [-Brightness, Brightness]).</summary>
    public double Brightness { get; init; }

    /// <summary>Largest relative contrast change (uniform in [1 - Contrast, 1 + Contrast]).</summary>
    public double Contrast { get; init; }

    /// <summary>Standard deviation of added Gaussian pixel noise, as a fraction of full scale.</summary>
    public double Noise { get; init; }

    /// <summary>
    /// Crop a random part of the image and stretch it back to the input size, as torchvision's
    /// RandomResizedCrop: the part's area is a share of the image's in [<see cref="CropScaleMin"/>,
    /// <see cref="CropScaleMax"/>] and its width over height is log-uniform in [<see cref="CropRatioMin"/>,
    /// <see cref="CropRatioMax"/>] (ten tries, then the centre crop nearest the allowed ratios).
    /// The crop comes first, before the flip, rotation, scale and shift; boxes, points, declared
    /// rotations and dense maps follow it (see docs/augmentation.md).
    /// </summary>
    public bool RandomResizedCrop { get; init; }

    /// <summary>Smallest share of the image's area a <see cref="RandomResizedCrop"/> keeps (torchvision's default 0.08).</summary>
    public double CropScaleMin { get; init; } = AugmentationRules.DefaultCropScaleMin;

    /// <summary>Largest share of the image's area a <see cref="RandomResizedCrop"/> keeps (default 1).</summary>
    public double CropScaleMax { get; init; } = AugmentationRules.DefaultCropScaleMax;

    /// <summary>Smallest width-to-height ratio of a <see cref="RandomResizedCrop"/> (default 3/4).</summary>
    public double CropRatioMin { get; init; } = AugmentationRules.DefaultCropRatioMin;

    /// <summary>Largest width-to-height ratio of a <see cref="RandomResizedCrop"/> (default 4/3).</summary>
    public double CropRatioMax { get; init; } = AugmentationRules.DefaultCropRatioMax;

    /// <summary>Torchvision ColorJitter brightness: pixels multiplied by a factor uniform in [max(0, 1 - x), 1 + x].</summary>
    public double JitterBrightness { get; init; }

    /// <summary>Torchvision ColorJitter contrast: blended with the image's mean grey level by a factor uniform in [max(0, 1 - x), 1 + x].</summary>
    public double JitterContrast { get; init; }

    /// <summary>Torchvision ColorJitter saturation: blended with the image's greyscale by a factor uniform in [max(0, 1 - x), 1 + x]; no effect on one-channel images.</summary>
    public double JitterSaturation { get; init; }

    /// <summary>Torchvision ColorJitter hue: the hue turned by a share of the colour wheel uniform in [-x, x], x in [0, 0.5]; no effect on one-channel images.</summary>
    public double JitterHue { get; init; }

    /// <summary>
    /// Mixup (Zhang et al.): each batch is blended with itself in another order, image and
    /// labels alike, by a share drawn from Beta(alpha, alpha) with this alpha (0.2 is usual;
    /// 0 is off). Only for specs whose targets are all labels (multi-class, multi-label, yes/no).
    /// </summary>
    public double Mixup { get; init; }

    /// <summary>
    /// CutMix (Yun et al.): a random rectangle of each image is pasted from another image of the
    /// batch, the labels mixed by the pasted area; the area's share is drawn from Beta(alpha, alpha)
    /// with this alpha (1 is usual; 0 is off). With <see cref="Mixup"/> too, each batch uses one
    /// of the two, chosen with even odds. Only for specs whose targets are all labels.
    /// </summary>
    public double CutMix { get; init; }

    /// <summary>True when any geometric change is on.</summary>
    public bool IsGeometric => Shift > 0 || Rotation > 0 || Scale > 0 || FlipHorizontal || RandomResizedCrop;

    /// <summary>True when any colour jitter is on.</summary>
    public bool IsJittered => JitterBrightness > 0 || JitterContrast > 0 || JitterSaturation > 0 || JitterHue > 0;

    /// <summary>True when batches are mixed (<see cref="Mixup"/> or <see cref="CutMix"/>).</summary>
    public bool Mixes => Mixup > 0 || CutMix > 0;

    /// <summary>True when any change to the images is on (mixing happens later, in the training step).</summary>
    public bool IsEnabled => IsGeometric || Brightness > 0 || Contrast > 0 || Noise > 0 || IsJittered;

    /// <summary>Rejects values that cannot work, naming the property. The analyzer applies the same rules to <c>[Augment]</c>.</summary>
    public void Validate()
    {
        Check(nameof(Shift), Shift);
        Check(nameof(Rotation), Rotation);
        Check(nameof(Scale), Scale);
        Check(nameof(Brightness), Brightness);
        Check(nameof(Contrast), Contrast);
        Check(nameof(Noise), Noise);
        Check(nameof(CropScaleMin), CropScaleMin);
        Check(nameof(CropScaleMax), CropScaleMax);
        Check(nameof(CropRatioMin), CropRatioMin);
        Check(nameof(CropRatioMax), CropRatioMax);
        CheckRange(nameof(CropScaleMin), CropScaleMin, nameof(CropScaleMax), CropScaleMax);
        CheckRange(nameof(CropRatioMin), CropRatioMin, nameof(CropRatioMax), CropRatioMax);
        Check(nameof(JitterBrightness), JitterBrightness);
        Check(nameof(JitterContrast), JitterContrast);
        Check(nameof(JitterSaturation), JitterSaturation);
        Check(nameof(JitterHue), JitterHue);
        Check(nameof(Mixup), Mixup);
        Check(nameof(CutMix), CutMix);
    }

    /// <summary>
    /// The targets this augmentation would corrupt, each with the reason: a rotation changes
    /// any angle target (a range or periodic target whose unit is an angle) unless it is declared
    /// as the image's own rotation; a geometric change cannot move a position target that does not
    /// know how to move (boxes and points do); a flip mirrors an undeclared angle and swaps labels
    /// that name a side. The analyzer reports the same conflicts for <c>[Augment]</c> at compile
    /// time (both use one set of rules, <c>AugmentationRules</c>).
    /// </summary>
    public IReadOnlyList<string> Conflicts(ModelSpec spec)
    {
        var conflicts = new List<string>();
        foreach (var target in spec.Targets)
        {
            bool moves = target is IGeometricTarget { MovesWithImage: true };
            if (Rotation > 0 && !moves && target.AngleUnit is { } unit)
                conflicts.Add($"Rotation = {Rotation} would change target {target.Name} (an angle in {unit}): rotating the image changes the answer. " +
                              "If it is the image's own rotation, declare ImageRotation on its [Range] so augmentation turns it with the image.");
            if (IsGeometric && !target.IsShiftInvariant && !moves)
                conflicts.Add($"Target {target.Name} is a position in the image ({target.Describe()}) that does not move with geometric augmentation; use only Brightness, Contrast and Noise.");
            if (FlipHorizontal && !moves && target.AngleUnit is { } mirrored)
                conflicts.Add($"FlipHorizontal would change target {target.Name} (an angle in {mirrored}): a mirror turns it the other way. " +
                              "If it is the image's own rotation, declare ImageRotation on its [Range] so augmentation mirrors it too.");
            if (Mixes && !target.MixesAsLabels)
                conflicts.Add($"{(Mixup > 0 ? "Mixup" : "CutMix")} mixes the targets of two images, which only labels can be (as soft targets); target {target.Name} ({target.Describe()}) is not a label.");
            if (FlipHorizontal && target.SideLabels is { Count: > 0 } sides)
                conflicts.Add($"FlipHorizontal would corrupt target {target.Name}: its labels name a side ({string.Join(", ", sides)}), which a mirror swaps.");
        }
        return conflicts;
    }

    private static void CheckRange(string minName, double min, string maxName, double max)
    {
        if (AugmentationRules.RangeProblem(minName, min, maxName, max) is { } rule)
            throw new ArgumentOutOfRangeException(minName, min, $"Augmentation.{rule}.");
    }

    private static void Check(string name, double value)
    {
        if (AugmentationRules.Problem(name, value) is { } rule)
            throw new ArgumentOutOfRangeException(name, value, $"Augmentation.{name} {rule}.");
    }
}
