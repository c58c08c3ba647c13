using ImageDsl.Specs;

namespace ImageDsl.Training;

/// <summary>
/// Random changes applied to each training image, drawn per image from the training seed.
/// Geometric ones (shift, rotation, scale, flip) move geometric targets with the image;
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

    /// <summary>True when any geometric change is on.</summary>
    public bool IsGeometric => Shift > 0 || Rotation > 0 || Scale > 0 || FlipHorizontal;

    /// <summary>True when any change is on.</summary>
    public bool IsEnabled => IsGeometric || Brightness > 0 || Contrast > 0 || Noise > 0;

    /// <summary>Rejects values that cannot work, naming the property. The analyzer applies the same rules to <c>[Augment]</c>.</summary>
    public void Validate()
    {
        Check(nameof(Shift), Shift);
        Check(nameof(Rotation), Rotation);
        Check(nameof(Scale), Scale);
        Check(nameof(Brightness), Brightness);
        Check(nameof(Contrast), Contrast);
        Check(nameof(Noise), Noise);
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
            if (FlipHorizontal && target.SideLabels is { Count: > 0 } sides)
                conflicts.Add($"FlipHorizontal would corrupt target {target.Name}: its labels name a side ({string.Join(", ", sides)}), which a mirror swaps.");
        }
        return conflicts;
    }

    private static void Check(string name, double value)
    {
        if (AugmentationRules.Problem(name, value) is { } rule)
            throw new ArgumentOutOfRangeException(name, value, $"Augmentation.{name} {rule}.");
    }
}
