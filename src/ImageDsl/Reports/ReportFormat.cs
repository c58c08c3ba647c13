using System.Globalization;

namespace ImageDsl.Reports;

/// <summary>Number and name formatting shared by the Markdown, CSV and plots: invariant culture, so reports read the same everywhere.</summary>
internal static class ReportFormat
{
    public static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>A metric in a table: 4 decimals.</summary>
    public static string Metric(double value) => value.ToString("F4", Culture);

    /// <summary>A value in a target's units: 4 significant digits.</summary>
    public static string Value(double value) => value.ToString("G4", Culture);

    /// <summary>A value with its unit, e.g. "25.76 degrees".</summary>
    public static string WithUnit(double value, string? unit) => unit is null ? Value(value) : $"{Value(value)} {unit}";

    /// <summary>
    /// A declared tolerance as a report row names it: "±10 degrees", "±0.5" without a unit. The
    /// unit is written once, as declared (a tolerance is a length, not a squared error).
    /// </summary>
    public static string Tolerance(double tolerance, string? unit) => "±" + WithUnit(tolerance, unit);

    /// <summary>A probability as a whole percentage, e.g. "93%".</summary>
    public static string Percent(double value) => (value * 100).ToString("F0", Culture) + "%";

    /// <summary>
    /// The unit of a squared error: "px²" for a plain word, "(px²)²" or "(m/s)²" for one that is
    /// already a power or compound, so a squared unit is never written "px²²".
    /// </summary>
    public static string Squared(string unit) => unit.All(char.IsLetter) ? unit + "²" : $"({unit})²";

    /// <summary>" (unit)" or nothing, for axis labels.</summary>
    public static string UnitSuffix(string? unit) => unit is null ? "" : $" ({unit})";

    /// <summary>A property name as JSON names it: first letter lower-case.</summary>
    public static string CamelCase(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>A target name made safe for a file name (targets are C# identifiers, so this rarely changes anything).</summary>
    public static string FileSafe(string name) =>
        new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_').ToArray());
}
