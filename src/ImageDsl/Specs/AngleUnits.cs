namespace ImageDsl.Specs;

/// <summary>Recognizes angle units by name. The generator mirrors these names (keep them in step).</summary>
public static class AngleUnits
{
    /// <summary>How many of <paramref name="unit"/> make a radian: 180/π for degrees, 1 for radians, null when it is not an angle.</summary>
    public static double? PerRadian(string? unit)
    {
        if (unit is null) return null;
        var name = unit.Trim();
        if (name is "°" || name.Equals("deg", StringComparison.OrdinalIgnoreCase) || name.Contains("degree", StringComparison.OrdinalIgnoreCase))
            return 180 / Math.PI;
        if (name.Equals("rad", StringComparison.OrdinalIgnoreCase) || name.Contains("radian", StringComparison.OrdinalIgnoreCase))
            return 1;
        return null;
    }

    /// <summary>True when <paramref name="unit"/> names degrees or radians.</summary>
    public static bool IsAngle(string? unit) => PerRadian(unit) is not null;
}
