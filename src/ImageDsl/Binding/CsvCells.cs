using ImageDsl.Data;
using ImageDsl.Specs;

namespace ImageDsl.Binding;

/// <summary>
/// The cells of one CSV row that a generated <see cref="LabelBinding{TLabels}"/> reads, in its
/// column order, and the list its problems go to: each problem names the file, the line and
/// the column.
/// </summary>
public sealed class CsvCells
{
    private readonly string file;
    private readonly IReadOnlyList<string> columnNames;
    private readonly int[] columnIndex;
    private readonly List<DataProblem> problems;
    private string[] fields = [];

    internal CsvCells(string file, IReadOnlyList<string> columnNames, int[] columnIndex, List<DataProblem> problems)
    {
        this.file = file;
        this.columnNames = columnNames;
        this.columnIndex = columnIndex;
        this.problems = problems;
    }

    internal void Reset(int line, string[] fields)
    {
        Line = line;
        this.fields = fields;
    }

    /// <summary>The folder of the manifest, against which files named in cells are resolved.</summary>
    public string Folder => Path.GetDirectoryName(Path.GetFullPath(file))!;

    /// <summary>The image file of the row (resolved), when the reader knows it: what a dense target's map is checked against.</summary>
    public string? ImagePath { get; internal set; }

    /// <summary>The 1-based line of the row.</summary>
    public int Line { get; private set; }

    /// <summary>The text of cell <paramref name="i"/> (in the binding's column order).</summary>
    public string this[int i] => fields[columnIndex[i]];

    /// <summary>Records a problem with cell <paramref name="i"/>; returns false, so a parser can write <c>ok = cells.Fail(...)</c>.</summary>
    public bool Fail(int i, string message)
    {
        problems.Add(new DataProblem(file, Line, columnNames[i], message));
        return false;
    }

    /// <summary>Reads cell <paramref name="i"/> as a finite number of target <paramref name="target"/>; reports it otherwise.</summary>
    public bool Number(int i, string target, out double value)
    {
        if (TargetText.TryParseNumber(this[i], out value)) return true;
        return Fail(i, $"'{this[i]}' is not a number (expected a value of {target})");
    }

    /// <summary>Reads cell <paramref name="i"/> as a number within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public bool Number(int i, string target, double min, double max, out double value)
    {
        if (!Number(i, target, out value)) return false;
        if (value >= min && value <= max) return true;
        return Fail(i, $"{TargetText.Show(value)} is outside {target}'s declared range [{TargetText.Show(min)}, {TargetText.Show(max)}]");
    }

    /// <summary>Reads cell <paramref name="i"/> as a bool (true/false, 1/0, yes/no, or the declared names).</summary>
    public bool Bool(int i, string target, string negative, string positive, out bool value)
    {
        if (TargetText.TryParseBool(this[i], negative, positive, out value)) return true;
        return Fail(i, $"'{this[i]}' is not a value of {target}; expected {positive} or {negative} (or true/false, 1/0, yes/no)");
    }

    /// <summary>The labels listed in cell <paramref name="i"/>, separated by <c>|</c> or <c>;</c>; empty for an empty cell.</summary>
    public string[] List(int i) => this[i].Split(TargetText.ListSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
