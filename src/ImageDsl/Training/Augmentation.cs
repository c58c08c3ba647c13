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

    /// <summary>Rejects values that cannot work, naming the property.</summary>
    public void Validate()
    {
        Check(Shift >= 0, nameof(Shift), Shift, "cannot be negative");
        Check(Rotation is >= 0 and <= 180, nameof(Rotation), Rotation, "must be in [0, 180] degrees");
        Check(Scale is >= 0 and < 1, nameof(Scale), Scale, "must be in [0, 1)");
        Check(Brightness is >= 0 and <= 1, nameof(Brightness), Brightness, "must be in [0, 1]");
        Check(Contrast is >= 0 and < 1, nameof(Contrast), Contrast, "must be in [0, 1)");
        Check(Noise is >= 0 and <= 1, nameof(Noise), Noise, "must be in [0, 1]");
    }

    /// <summary>
    /// The targets this augmentation would corrupt, each with the reason: a rotation changes
    /// any angle target (a range or periodic target in degrees or radians) unless it is declared
    /// as the image's own rotation; a geometric change moves positions that are not boxes or
    /// points; a flip swaps labels that name a side.
    /// </summary>
    public IReadOnlyList<string> Conflicts(ModelSpec spec)
    {
        var conflicts = new List<string>();
        foreach (var target in spec.Targets)
        {
            if (Rotation > 0 && target is not IGeometricTarget { MovesWithImage: true } && AngleUnit(target) is { } unit)
                conflicts.Add($"Rotation = {Rotation} would change target {target.Name} (an angle in {unit}): rotating the image changes the answer. " +
                              "If it is the image's own rotation, declare ImageRotation on its [Range] so augmentation turns it with the image.");
            if (IsGeometric && !target.IsShiftInvariant && target is not IGeometricTarget { MovesWithImage: true })
                conflicts.Add($"Target {target.Name} is a position in the image ({target.Describe()}) that does not move with geometric augmentation; use only Brightness, Contrast and Noise.");
            if (FlipHorizontal && target is not IGeometricTarget { MovesWithImage: true } && AngleUnit(target) is { } mirrored)
                conflicts.Add($"FlipHorizontal would change target {target.Name} (an angle in {mirrored}): a mirror turns it the other way. " +
                              "If it is the image's own rotation, declare ImageRotation on its [Range] so augmentation mirrors it too.");
            if (FlipHorizontal && target is LabelTargetSpec labels && labels.Labels.Any(NamesASide))
                conflicts.Add($"FlipHorizontal would corrupt target {target.Name}: its labels name a side ({string.Join(", ", labels.Labels.Where(NamesASide))}), which a mirror swaps.");
        }
        return conflicts;
    }

    private static string? AngleUnit(TargetSpec target) => target switch
    {
        RangeTargetSpec range when AngleUnits.IsAngle(range.Unit) => range.Unit,
        PeriodicTargetSpec periodic when AngleUnits.IsAngle(periodic.Unit) => periodic.Unit,
        _ => null,
    };

    private static bool NamesASide(string label) =>
        label.Contains("left", StringComparison.OrdinalIgnoreCase) || label.Contains("right", StringComparison.OrdinalIgnoreCase);

    private static void Check(bool ok, string name, double value, string rule)
    {
        if (!ok) throw new ArgumentOutOfRangeException(name, value, $"Augmentation.{name} {rule}.");
    }
}
