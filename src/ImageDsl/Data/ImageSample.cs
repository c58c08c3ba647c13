namespace ImageDsl.Data;

/// <summary>One labelled image: where it is, and its encoded target values (see <see cref="Specs.TargetSpec.EncodedWidth"/>).</summary>
/// <param name="Path">The image file.</param>
/// <param name="Targets">Encoded target values, <see cref="Specs.ModelSpec.EncodedWidth"/> floats.</param>
/// <param name="Origin">Where the label came from (a CSV line or a folder), for error messages.</param>
public sealed record ImageSample(string Path, float[] Targets, string? Origin = null);

/// <summary>One problem found in a dataset: where, and what.</summary>
/// <param name="File">The file at fault (a CSV manifest or an image).</param>
/// <param name="Line">1-based line in <paramref name="File"/>, when it is a text file.</param>
/// <param name="Column">The CSV column, when one is at fault.</param>
/// <param name="Message">What is wrong.</param>
public sealed record DataProblem(string File, int? Line, string? Column, string Message)
{
    /// <inheritdoc />
    public override string ToString() =>
        File + (Line is { } line ? $"({line})" : "") + (Column is null ? "" : $", column '{Column}'") + ": " + Message;
}

/// <summary>A dataset could not be used; <see cref="Problems"/> lists every problem found, not just the first.</summary>
public sealed class DatasetException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public DatasetException(string summary, IReadOnlyList<DataProblem> problems)
        : base(Format(summary, problems)) => Problems = problems;

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<DataProblem> Problems { get; }

    private static string Format(string summary, IReadOnlyList<DataProblem> problems)
    {
        const int shown = 20;
        var lines = problems.Take(shown).Select(p => "  " + p);
        var more = problems.Count > shown ? $"\n  ... and {problems.Count - shown} more" : "";
        return $"{summary} ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):\n{string.Join("\n", lines)}{more}";
    }
}
