using System.Globalization;
using System.Text;

namespace ImageDsl.Generators.Emitting;

/// <summary>Values written as C# literals or doc-comment text, independent of the machine's culture.</summary>
internal static class Literals
{
    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A double literal that round-trips: <c>45.0</c>, <c>-0.5</c>, <c>1E-05</c> (valid C#: an
    /// exponent makes it a double). Specs reject non-finite values, but they stay valid C# too.
    /// </summary>
    public static string Double(double value)
    {
        if (double.IsNaN(value)) return "double.NaN";
        if (double.IsPositiveInfinity(value)) return "double.PositiveInfinity";
        if (double.IsNegativeInfinity(value)) return "double.NegativeInfinity";
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.IndexOfAny(['.', 'E', 'e']) < 0 ? text + ".0" : text;
    }

    /// <summary>A number for a doc comment: <c>45</c>, <c>0.5</c>.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// A regular string literal, or <c>null</c>. Quotes and backslashes are escaped, and so is
    /// every character that could end the line, hide in an editor or not survive UTF-8 on its
    /// own (controls, line separators, format characters, lone surrogates).
    /// </summary>
    public static string String(string? value)
    {
        if (value is null) return "null";
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\0': text.Append("\\0"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (NeedsEscape(c)) text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    else text.Append(c);
                    break;
            }
        }
        return text.Append('"').ToString();
    }

    /// <summary>
    /// Text for an XML doc comment: markup characters escaped; anything that could end the comment
    /// line, hide in an editor or not survive UTF-8 (a lone surrogate) becomes a space.
    /// </summary>
    public static string XmlText(string value)
    {
        var text = new StringBuilder(value.Length);
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                text.Append(c).Append(value[++i]);
                continue;
            }
            switch (c)
            {
                case '&': text.Append("&amp;"); break;
                case '<': text.Append("&lt;"); break;
                case '>': text.Append("&gt;"); break;
                default: text.Append(NeedsEscape(c) ? ' ' : c); break;
            }
        }
        return text.ToString();
    }

    private static bool NeedsEscape(char c) =>
        char.IsControl(c) || char.IsSurrogate(c) || c is '\u0085' or '\u2028' or '\u2029' ||
        CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;
}
