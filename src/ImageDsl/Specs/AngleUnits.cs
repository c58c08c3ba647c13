using ImageDsl.Training;

namespace ImageDsl.Specs;

/// <summary>Recognizes angle units by name, by the same rule the analyzer uses (<c>AugmentationRules.IsAngleUnit</c>).</summary>
public static class AngleUnits
{
    /// <summary>How many of <paramref name="unit"/> make a radian: 180/π for degrees, 1 for radians, null when it is not an angle.</summary>
    public static double? PerRadian(string? unit)
    {
        if (!AugmentationRules.IsAngleUnit(unit)) return null;
        return AugmentationRules.IsRadians(unit) ? 1 : 180 / Math.PI;
    }

    /// <summary>True when <paramref name="unit"/> names degrees or radians.</summary>
    public static bool IsAngle(string? unit) => AugmentationRules.IsAngleUnit(unit);
}
