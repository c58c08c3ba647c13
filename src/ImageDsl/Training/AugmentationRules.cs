// This one file is compiled into two assemblies: the runtime (ImageDsl, where Augmentation.Validate
// and Augmentation.Conflicts use it) and the generator (ImageDsl.Generators, netstandard2.0, where
// the analyzer checks [Augment] on a spec with it; see its csproj). So the compiler and the trainer
// refuse exactly the same augmentations. Keep it to what netstandard2.0 has and free of runtime types.
#if IMAGEDSL_GENERATOR
namespace ImageDsl.Generators.Shared;
#else
namespace ImageDsl.Training;
#endif

/// <summary>The rules an augmentation must follow, shared by the runtime and the analyzer.</summary>
internal static class AugmentationRules
{
    /// <summary>The augmentation properties that move the image (and so any position in it).</summary>
    public static readonly string[] Geometric = ["Shift", "Rotation", "Scale", "FlipHorizontal"];

    /// <summary>
    /// What is wrong with <paramref name="value"/> for the numeric augmentation property
    /// <paramref name="property"/> (such as <c>"must be in [0, 1)"</c>), or null if it is valid.
    /// NaN is never valid.
    /// </summary>
    public static string? Problem(string property, double value) => property switch
    {
        "Shift" => value >= 0 && !double.IsInfinity(value) ? null : "cannot be negative or infinite",
        "Rotation" => value is >= 0 and <= 180 ? null : "must be in [0, 180] degrees",
        "Scale" => value is >= 0 and < 1 ? null : "must be in [0, 1)",
        "Brightness" => value is >= 0 and <= 1 ? null : "must be in [0, 1]",
        "Contrast" => value is >= 0 and < 1 ? null : "must be in [0, 1)",
        "Noise" => value is >= 0 and <= 1 ? null : "must be in [0, 1]",
        _ => throw new System.ArgumentOutOfRangeException(nameof(property), property, "Not a numeric augmentation property."),
    };

    /// <summary>
    /// True when <paramref name="unit"/> is an angle, so rotating the image changes the value:
    /// it contains "degree" or "radian", or is "°", "deg" or "rad" (ignoring case and surrounding spaces).
    /// </summary>
    public static bool IsAngleUnit(string? unit)
    {
        if (unit is null) return false;
        var trimmed = unit.Trim();
        return Contains(trimmed, "degree") || Contains(trimmed, "radian") ||
               trimmed == "°" ||
               string.Equals(trimmed, "deg", System.StringComparison.OrdinalIgnoreCase) ||
               string.Equals(trimmed, "rad", System.StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when <paramref name="label"/> names a side ("left" or "right", ignoring case), which a mirror swaps.</summary>
    public static bool NamesASide(string label) => Contains(label, "left") || Contains(label, "right");

    // string.Contains(string, StringComparison) is not in netstandard2.0.
    private static bool Contains(string text, string part) => text.IndexOf(part, System.StringComparison.OrdinalIgnoreCase) >= 0;
}
