using System.Text;

namespace ImageDsl.Generators.Emitting;

/// <summary>
/// Writes C# line by line at the current indentation (four spaces a level, <c>\n</c> line ends),
/// so the emitter reads like the code it produces and the output never depends on the machine.
/// </summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder text = new();
    private int indent;

    /// <summary>Writes one line; an empty line gets no indentation.</summary>
    public void WriteLine(string line = "")
    {
        if (line.Length > 0)
            for (int i = 0; i < indent; i++) text.Append(IndentUnit);
        text.Append(line).Append('\n');
    }

    /// <summary>
    /// Writes a block of lines (a raw string literal): each line at the current indentation plus
    /// its own. Carriage returns are dropped, so a raw string from a CRLF checkout writes the same.
    /// </summary>
    public void WriteLines(string lines)
    {
        foreach (var line in lines.Replace("\r", "").Split('\n')) WriteLine(line);
    }

    /// <summary>Writes <c>{</c> and indents what follows.</summary>
    public void OpenBlock()
    {
        WriteLine("{");
        indent++;
    }

    /// <summary>Unindents and writes <c>}</c> followed by <paramref name="suffix"/> (such as <c>;</c>).</summary>
    public void CloseBlock(string suffix = "")
    {
        indent--;
        WriteLine("}" + suffix);
    }

    /// <summary>Indents what follows by one more level, for continuation lines.</summary>
    public void Indent() => indent++;

    /// <summary>Undoes <see cref="Indent"/>.</summary>
    public void Unindent() => indent--;

    public override string ToString() => text.ToString();
}
