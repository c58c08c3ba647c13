namespace ImageDsl.Generators.Parsing;

/// <summary>Angle unit names, as the runtime's <c>ImageDsl.Specs.AngleUnits</c> reads them (keep the two in step).</summary>
internal static class AngleUnits
{
    public static bool IsAngle(string? unit)
    {
        if (unit is null) return false;
        var name = unit.Trim().ToLowerInvariant();
        return name is "°" or "deg" or "rad" || name.Contains("degree") || name.Contains("radian");
    }
}
