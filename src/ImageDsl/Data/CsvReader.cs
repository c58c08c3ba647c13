using System.Text;

namespace ImageDsl.Data;

/// <summary>A small RFC 4180 reader: comma-separated (or another separator), double-quoted fields, "" as an escaped quote.</summary>
internal static class CsvReader
{
    /// <summary>Yields each record with its 1-based line number; blank lines and lines of only spaces are skipped.</summary>
    public static IEnumerable<(int Line, string[] Fields)> Read(TextReader reader, char separator = ',')
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 0;
        string? text;
        while ((text = reader.ReadLine()) is not null)
        {
            line++;
            int start = line;
            if (string.IsNullOrWhiteSpace(text)) continue;
            bool quoted = false;
            fields.Clear();
            field.Clear();
            while (true)
            {
                for (int i = 0; i < text.Length; i++)
                {
                    char c = text[i];
                    if (quoted)
                    {
                        if (c != '"') field.Append(c);
                        else if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                        else quoted = false;
                    }
                    else if (c == '"') quoted = true;
                    else if (c == separator) { fields.Add(field.ToString()); field.Clear(); }
                    else field.Append(c);
                }
                if (!quoted) break;
                // A quoted field spans lines: keep the newline and read on.
                text = reader.ReadLine();
                if (text is null) break;
                line++;
                field.Append('\n');
            }
            fields.Add(field.ToString().TrimEnd('\r'));
            yield return (start, fields.ToArray());
        }
    }
}
