using System.Globalization;

namespace ImageDsl.Specs;

/// <summary>How label text (CSV cells, folder names) is read: invariant culture, surrounding blanks ignored.</summary>
public static class TargetText
{
    /// <summary>
    /// The index of <paramref name="text"/> among <paramref name="names"/> (ignoring case), or else
    /// among <paramref name="aliases"/> (exactly: an enum member's number); -1 if neither.
    /// </summary>
    public static int IndexOf(IReadOnlyList<string> names, IReadOnlyList<string>? aliases, string text)
    {
        for (int i = 0; i < names.Count; i++)
            if (string.Equals(names[i], text, StringComparison.OrdinalIgnoreCase)) return i;
        if (aliases is not null)
            for (int i = 0; i < aliases.Count; i++)
                if (string.Equals(aliases[i], text, StringComparison.Ordinal)) return i;
        return -1;
    }

    /// <summary>Reads a finite number such as <c>12</c>, <c>-0.5</c> or <c>1e-3</c>.</summary>
    public static bool TryParseNumber(string text, out double value) =>
        double.TryParse(text.AsSpan().Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>Reads <c>true</c>/<c>false</c>, <c>1</c>/<c>0</c> or <c>yes</c>/<c>no</c> (any case), or else one of the two names given.</summary>
    public static bool TryParseBool(string text, string negative, string positive, out bool value)
    {
        var t = text.Trim();
        if (t.Equals(positive, StringComparison.OrdinalIgnoreCase) || t.Equals("true", StringComparison.OrdinalIgnoreCase) || t == "1" ||
            t.Equals("yes", StringComparison.OrdinalIgnoreCase))
        {
            value = true;
            return true;
        }
        value = false;
        return t.Equals(negative, StringComparison.OrdinalIgnoreCase) || t.Equals("false", StringComparison.OrdinalIgnoreCase) || t == "0" ||
               t.Equals("no", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The separators between labels of a multi-label cell (<c>even|loop</c>) and between numbers of a vector cell (<c>1;2;3</c>).</summary>
    public static readonly char[] ListSeparators = ['|', ';'];

    /// <summary>A number in messages: invariant culture, shortest round-trip form.</summary>
    public static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
