namespace ImageDsl.Pretrained;

/// <summary>Pretrained weights cannot be read or do not fit the network; <see cref="Problems"/> lists every mismatch found.</summary>
public sealed class PretrainedWeightsException : Exception
{
    private const int Shown = 20;

    /// <summary>Creates the exception for a file that cannot be read.</summary>
    public PretrainedWeightsException(string message, Exception? inner = null) : base(message, inner) => Problems = [];

    /// <summary>Creates the exception from the mismatches found, each naming a parameter.</summary>
    public PretrainedWeightsException(string summary, IReadOnlyList<string> problems) : base(Format(summary, problems)) => Problems = problems;

    /// <summary>Every mismatch, e.g. "missing: layer4.1.bn2.weight [512] is not in the file".</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Format(string summary, IReadOnlyList<string> problems)
    {
        var more = problems.Count > Shown ? $"\n  ... and {problems.Count - Shown} more" : "";
        return $"{summary} ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):\n  {string.Join("\n  ", problems.Take(Shown))}{more}";
    }
}
