using ImageDsl.Specs;

namespace ImageDsl.Modeling;

/// <summary>
/// Checks of a model file's or checkpoint's JSON header after it parses: every field the
/// weights and predictions depend on is present and usable, or the file is refused naming the
/// field. Without them an empty <c>std</c> loads and every prediction then fails inside libtorch,
/// and a null spec ends in a bare NullReferenceException.
/// </summary>
internal static class HeaderChecks
{
    public static void Spec(string path, ModelSpec? spec)
    {
        if (spec is null) throw Missing(path, "spec");
        if (spec.Name is null) throw Missing(path, "spec.name");
        if (spec.Input is null) throw Missing(path, "spec.input");
        if (spec.Input.Width <= 0 || spec.Input.Height <= 0 || spec.Input.Channels is not (1 or 3))
            throw Bad(path, "spec.input", $"{spec.Input} (width and height must be positive, channels 1 or 3)");
        if (spec.Targets is null) throw Missing(path, "spec.targets");
        if (spec.Targets.Count == 0) throw Bad(path, "spec.targets", "an empty list");
        for (int t = 0; t < spec.Targets.Count; t++)
        {
            var target = spec.Targets[t];
            if (target is null) throw Missing(path, $"spec.targets[{t}]");
            if (target.Name is null) throw Missing(path, $"spec.targets[{t}].name");
            if (target.Column is null) throw Missing(path, $"spec.targets[{t}].column");
            try
            {
                if (target.EncodedWidth <= 0 || target.OutputWidth <= 0) throw Bad(path, $"spec.targets[{t}]", "a target without outputs");
            }
            catch (Exception e) when (e is not ModelFileException)
            {
                throw new ModelFileException($"{path} is damaged: its header field spec.targets[{t}] ({target.Name}) is incomplete ({e.Message}).", path, $"spec.targets[{t}]", e);
            }
        }
    }

    public static void Normalization(string path, Data.Normalization? normalization, int channels)
    {
        if (normalization is null) throw Missing(path, "normalization");
        Columns(path, "normalization.mean", normalization.Mean, channels, "channel", positive: false);
        Columns(path, "normalization.std", normalization.Std, channels, "channel", positive: true);
    }

    public static void Statistics(string path, ModelFile.Header header, ModelSpec expected)
    {
        if (header.TargetStatistics is not { } statistics) return;
        Columns(path, "targetStatistics.mean", statistics.Mean, expected.EncodedWidth, "encoded target column", positive: false);
        Columns(path, "targetStatistics.std", statistics.Std, expected.EncodedWidth, "encoded target column", positive: true);
    }

    /// <summary>The calibration's learned interval scales, which sizes every interval: one per component, each usable.</summary>
    public static void Calibration(string path, ModelFile.Header header)
    {
        if (header.Calibration?.Targets is not { } targets) return;
        for (int t = 0; t < targets.Count; t++)
        {
            if (targets[t]?.IntervalScales is not { } scales) continue;
            string field = $"calibration.targets[{t}].intervalScales";
            if (targets[t].IntervalRadii is not { } radii) throw Bad(path, field, "present without intervalRadii");
            if (scales.Length != radii.Length) throw Bad(path, field, $"{scales.Length} scales for {radii.Length} interval components");
            for (int c = 0; c < scales.Length; c++)
            {
                if (scales[c] is null) throw Missing(path, $"{field}[{c}]");
                if (scales[c].Problem() is { } problem) throw Bad(path, $"{field}[{c}]", $"unusable: {problem}");
            }
        }
    }

    private static void Columns(string path, string field, float[]? values, int count, string what, bool positive)
    {
        if (values is null) throw Missing(path, field);
        if (values.Length != count) throw Bad(path, field, $"{values.Length} values where the spec has {count} ({what}s)");
        for (int i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]) || (positive && values[i] <= 0))
                throw Bad(path, $"{field}[{i}]", $"{values[i]}, not a {(positive ? "positive" : "finite")} number");
        }
    }

    private static ModelFileException Missing(string path, string field) =>
        new($"{path} is damaged: its header has no {field} (missing or null).", path, field);

    private static ModelFileException Bad(string path, string field, string found) =>
        new($"{path} is damaged: its header field {field} is {found}.", path, field);
}
