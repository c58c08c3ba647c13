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
    public static readonly string[] Geometric = ["Shift", "Rotation", "Scale", "FlipHorizontal", "RandomResizedCrop"];

    /// <summary>Torchvision's RandomResizedCrop defaults: the crop's share of the image area, and its width over height.</summary>
    public const double DefaultCropScaleMin = 0.08, DefaultCropScaleMax = 1.0, DefaultCropRatioMin = 3.0 / 4.0, DefaultCropRatioMax = 4.0 / 3.0;

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
        "CropScaleMin" or "CropScaleMax" => value is > 0 and <= 1 ? null : "must be in (0, 1] (a share of the image's area)",
        "CropRatioMin" or "CropRatioMax" => value > 0 && !double.IsInfinity(value) ? null : "must be a positive finite width-to-height ratio",
        // Torchvision's ColorJitter: a factor uniform in [max(0, 1 - x), 1 + x]; a hue shift in [-x, x] turns of the colour wheel.
        "JitterBrightness" or "JitterContrast" or "JitterSaturation" => value >= 0 && !double.IsInfinity(value) ? null : "cannot be negative or infinite",
        "JitterHue" => value is >= 0 and <= 0.5 ? null : "must be in [0, 0.5]",
        // The alpha of the Beta(alpha, alpha) distribution the mixing share is drawn from; 0 is off.
        "Mixup" or "CutMix" => value >= 0 && !double.IsInfinity(value) ? null : "cannot be negative or infinite (it is the alpha of Beta(alpha, alpha); 0 is off)",
        _ => throw new System.ArgumentOutOfRangeException(nameof(property), property, "Not a numeric augmentation property."),
    };

    /// <summary>What is wrong with a [<paramref name="min"/>, <paramref name="max"/>] pair of bounds named <paramref name="minName"/> and <paramref name="maxName"/>, or null when the minimum does not exceed the maximum.</summary>
    public static string? RangeProblem(string minName, double min, string maxName, double max) =>
        min <= max ? null : $"{minName} ({min.ToString(System.Globalization.CultureInfo.InvariantCulture)}) is larger than {maxName} ({max.ToString(System.Globalization.CultureInfo.InvariantCulture)})";

    /// <summary>
    /// True when <paramref name="unit"/> is an angle, so rotating the image changes the value: one of
    /// its words (<see cref="Words"/>, ignoring case) is "degree", "degrees", "deg", "radian",
    /// "radians", "rad" or the sign "°", and none names a temperature ("degrees Celsius", "°C",
    /// "degF", "deg K"), which a rotation leaves alone.
    /// </summary>
    public static bool IsAngleUnit(string? unit)
    {
        if (unit is null) return false;
        bool angle = false;
        foreach (var word in Words(unit))
        {
            switch (word.ToLowerInvariant())
            {
                case "degree" or "degrees" or "deg" or "°" or "radian" or "radians" or "rad":
                    angle = true;
                    break;
                case "c" or "f" or "k" or "celsius" or "centigrade" or "fahrenheit" or "kelvin" or "℃" or "℉":
                    return false;
            }
        }
        return angle;
    }

    /// <summary>True when <paramref name="unit"/> is an angle (<see cref="IsAngleUnit"/>) in radians: a word is "radian", "radians" or "rad".</summary>
    public static bool IsRadians(string? unit)
    {
        if (!IsAngleUnit(unit)) return false;
        foreach (var word in Words(unit!))
            if (word.ToLowerInvariant() is "radian" or "radians" or "rad") return true;
        return false;
    }

    /// <summary>
    /// True when <paramref name="label"/> names a side, which a mirror swaps: one of its words
    /// (<see cref="Words"/>) is "left" or "right", ignoring case. "TurnLeft", "LEFT_EYE",
    /// "right-hand" and "leftHand" do; "Upright", "Bright", "Copyright" and "Leftover" do not.
    /// </summary>
    public static bool NamesASide(string label)
    {
        foreach (var word in Words(label))
            if (string.Equals(word, "left", System.StringComparison.OrdinalIgnoreCase) ||
                string.Equals(word, "right", System.StringComparison.OrdinalIgnoreCase))
                return true;
        return false;
    }

    /// <summary>
    /// The words of an identifier or phrase: runs of letters and digits, split where the case
    /// rises (camelCase, PascalCase: "leftHand" is "left", "Hand"), where an upper-case run ends
    /// before a capitalized word ("HTMLParser" is "HTML", "Parser") and between letters and digits.
    /// Spaces, underscores, hyphens and other punctuation separate words; a symbol ("°", "℃") is
    /// a word of its own.
    /// </summary>
    public static System.Collections.Generic.IEnumerable<string> Words(string text)
    {
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            char c = i < text.Length ? text[i] : ' ';
            bool inWord = char.IsLetterOrDigit(c);
            if (start >= 0 && (!inWord || StartsWord(text, i)))
            {
                yield return text.Substring(start, i - start);
                start = -1;
            }
            if (inWord)
            {
                if (start < 0) start = i;
            }
            else if (IsSymbol(c))
            {
                yield return c.ToString();
            }
        }
    }

    /// <summary>True when the letter or digit at <paramref name="i"/> starts a new word inside a run of them.</summary>
    private static bool StartsWord(string text, int i)
    {
        if (i == 0 || !char.IsLetterOrDigit(text[i - 1])) return false;
        char previous = text[i - 1], current = text[i];
        if (char.IsDigit(previous) != char.IsDigit(current)) return true;
        if (char.IsLower(previous) && char.IsUpper(current)) return true;
        // The last capital of an upper-case run starts the next word: "HTMLParser".
        return char.IsUpper(previous) && char.IsUpper(current) && i + 1 < text.Length && char.IsLower(text[i + 1]);
    }

    private static bool IsSymbol(char c) =>
        System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) is
            System.Globalization.UnicodeCategory.OtherSymbol or System.Globalization.UnicodeCategory.MathSymbol or
            System.Globalization.UnicodeCategory.ModifierSymbol or System.Globalization.UnicodeCategory.CurrencySymbol;
}
