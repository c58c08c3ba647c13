using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ImageDsl.Metrics;
using ImageDsl.Modeling;
using ImageDsl.Specs;

namespace ImageDsl.Evaluation;

/// <summary>A model's scores on one dataset: the overall loss and one entry per target.</summary>
/// <param name="Model">The spec's name.</param>
/// <param name="Dataset">Where the data came from.</param>
/// <param name="Count">Images scored.</param>
/// <param name="Loss">Mean total loss.</param>
/// <param name="Targets">Per-target metrics, in spec order.</param>
public sealed record EvaluationResult(string Model, string Dataset, int Count, double Loss, IReadOnlyList<TargetEvaluation> Targets)
{
    /// <summary>The evaluation of the target named <paramref name="name"/>.</summary>
    public TargetEvaluation this[string name] =>
        Targets.FirstOrDefault(t => t.Name == name) ?? throw new KeyNotFoundException($"No target '{name}'; targets are {string.Join(", ", Targets.Select(t => t.Name))}.");

    /// <summary>The report as indented JSON with stable camelCase names; undefined metrics are null.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, ModelFile.Json);

    /// <summary>Writes <see cref="ToJson"/> to <paramref name="path"/>.</summary>
    public void WriteJson(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, ToJson());
    }

    /// <summary>Markdown tables a person reads: one section per target.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine($"## {Model} on {Dataset}").AppendLine();
        text.AppendLine($"{Count} images, mean loss {Loss:F4}.").AppendLine();
        foreach (var target in Targets) text.AppendLine(target.ToMarkdown());
        return text.ToString();
    }
}

/// <summary>The metrics of one target.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(ClassificationEvaluation), "classification")]
[JsonDerivedType(typeof(RegressionEvaluation), "regression")]
public abstract record TargetEvaluation(string Name)
{
    /// <summary>A Markdown section for this target.</summary>
    public abstract string ToMarkdown();

    private protected static string Cell(double? value, string format = "F4") => value is { } v ? v.ToString(format, System.Globalization.CultureInfo.InvariantCulture) : "undefined";
}

/// <summary>Metrics of a label target.</summary>
/// <param name="Name">The target's name.</param>
/// <param name="Metrics">Accuracy, precision / recall / F1, ROC AUC, confusion matrix, per-class figures.</param>
public sealed record ClassificationEvaluation(string Name, MulticlassMetrics Metrics) : TargetEvaluation(Name)
{
    /// <inheritdoc />
    public override string ToMarkdown()
    {
        var m = Metrics;
        var text = new StringBuilder();
        text.AppendLine($"### {Name} (classification)").AppendLine();
        text.AppendLine("| metric | value |").AppendLine("| --- | --- |");
        text.AppendLine($"| accuracy | {Cell(m.Accuracy)} |");
        text.AppendLine($"| balanced accuracy | {Cell(m.BalancedAccuracy)} |");
        text.AppendLine($"| precision (macro) | {Cell(m.PrecisionMacro)} |");
        text.AppendLine($"| recall (macro) | {Cell(m.RecallMacro)} |");
        text.AppendLine($"| F1 (macro) | {Cell(m.F1Macro)} |");
        text.AppendLine($"| ROC AUC (one-vs-rest, macro) | {Cell(m.RocAucMacro)} |");
        text.AppendLine($"| log loss | {Cell(m.LogLoss)} |");
        text.AppendLine();
        text.AppendLine("| label | precision | recall | F1 | support |").AppendLine("| --- | --- | --- | --- | --- |");
        foreach (var c in m.PerClass) text.AppendLine($"| {c.Label} | {Cell(c.Precision)} | {Cell(c.Recall)} | {Cell(c.F1)} | {c.Support} |");
        return text.ToString();
    }
}

/// <summary>Metrics of a range target, in the target's own units.</summary>
/// <param name="Name">The target's name.</param>
/// <param name="Unit">The declared unit, if any.</param>
/// <param name="Metrics">MAE, MSE, RMSE, R² and more.</param>
public sealed record RegressionEvaluation(string Name, string? Unit, RegressionMetrics Metrics) : TargetEvaluation(Name)
{
    /// <inheritdoc />
    public override string ToMarkdown()
    {
        var m = Metrics;
        var unit = Unit is null ? "" : $" ({Unit})";
        var text = new StringBuilder();
        text.AppendLine($"### {Name} (regression{unit})").AppendLine();
        text.AppendLine("| metric | value |").AppendLine("| --- | --- |");
        text.AppendLine($"| MAE | {Cell(m.Mae)} |");
        text.AppendLine($"| RMSE | {Cell(m.Rmse)} |");
        text.AppendLine($"| MSE | {Cell(m.Mse)} |");
        text.AppendLine($"| R² | {Cell(m.R2)} |");
        return text.ToString();
    }
}
