using System.Reflection;
using ImageDsl.Evaluation;

namespace ImageDsl.Training;

/// <summary>
/// Reads the figure named by <see cref="TrainingOptions.Monitor"/> out of a validation
/// evaluation, and knows whether lower or higher is better.
/// </summary>
internal sealed class MonitoredMetric
{
    private static readonly string[] LowerIsBetter = ["loss", "logloss", "mae", "mse", "rmse", "hammingloss", "medianabsoluteerror", "maxerror"];

    /// <summary>Other spellings users reach for: "Species.MacroF1" reads the metrics' <c>F1Macro</c>.</summary>
    private static readonly Dictionary<string, string> Aliases = new()
    {
        ["macrof1"] = "F1Macro",
        ["microf1"] = "F1Micro",
        ["weightedf1"] = "F1Weighted",
    };

    private readonly string? target;
    private readonly string metric;

    public MonitoredMetric(string monitor)
    {
        Name = monitor;
        var parts = monitor.Split('.', 2);
        (target, metric) = parts.Length == 2 ? (parts[0], parts[1]) : (null, parts[0]);
        metric = Aliases.GetValueOrDefault(metric.ToLowerInvariant(), metric);
        if (target is null && !metric.Equals("loss", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"Monitor '{monitor}' must be \"loss\" or \"Target.Metric\", e.g. \"Digit.Accuracy\".", nameof(monitor));
        Minimize = LowerIsBetter.Contains(metric.ToLowerInvariant());
    }

    public string Name { get; }

    public bool Minimize { get; }

    public bool IsBetter(double candidate, double? best) =>
        best is not { } b || (Minimize ? candidate < b : candidate > b);

    /// <summary>The monitored value, or an error naming what exists when the name matches nothing.</summary>
    public double Read(EvaluationResult result)
    {
        if (target is null) return result.Loss;
        var evaluation = result.Targets.FirstOrDefault(t => t.Name.Equals(target, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Monitor '{Name}': no target '{target}'; targets are {string.Join(", ", result.Targets.Select(t => t.Name))}.");
        var metrics = evaluation.GetType().GetProperty("Metrics")?.GetValue(evaluation)
            ?? throw new ArgumentException($"Monitor '{Name}': target '{target}' has no metrics.");
        var property = metrics.GetType().GetProperty(metric, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        return property?.GetValue(metrics) switch
        {
            double value => value,
            null when property is not null => double.NaN, // undefined on this data (e.g. one class present)
            _ => throw new ArgumentException(
                $"Monitor '{Name}': {target} has no numeric metric '{metric}'; it has {string.Join(", ", metrics.GetType().GetProperties().Where(p => p.PropertyType == typeof(double) || p.PropertyType == typeof(double?)).Select(p => p.Name))}."),
        };
    }
}
