using System.Reflection;
using System.Text;
using System.Text.Json;
using ImageDsl.Evaluation;
using ImageDsl.Metrics;
using ImageDsl.Training;

namespace ImageDsl.Reports;

/// <summary>
/// Writes <c>report.json</c>. Field names are written out here, not derived from C# property
/// names, so renaming a property cannot silently change the format; docs/reports.md lists
/// them all and <see cref="SchemaVersion"/> changes with any incompatible edit.
/// </summary>
/// <remarks>
/// Text is escaped only where JSON requires it (the file is data, never embedded in HTML), so
/// labels, units and paths stay readable: "R²", "°", "+" appear as themselves.
/// </remarks>
internal static class ReportJson
{
    /// <summary>2: kinds are named by their ids (<c>labels</c>, <c>range</c>... where 1 said <c>classification</c>, <c>regression</c>).</summary>
    public const int SchemaVersion = 2;

    public static string Write(EvaluationResult result, TrainingHistory? history, ReportFiles? files, IReadOnlyList<string> warnings,
        int worstCount = 16)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", SchemaVersion);
            json.WriteString("model", result.Model);
            json.WriteString("dataset", File.Exists(result.Dataset) || Directory.Exists(result.Dataset) ? ReportPaths.Image(result.Dataset) : result.Dataset);
            json.WriteNumber("count", result.Count);
            var undefined = new Dictionary<string, string>();
            Number(json, "loss", result.Loss, undefined, reason: null);
            json.WriteString("evaluatedAt", result.EvaluatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", ReportFormat.Culture));
            json.WriteString("imageDslVersion", Version);
            Reasons(json, undefined);
            Training(json, history);
            Summary(json, result);
            json.WriteStartArray("targets");
            for (int t = 0; t < result.Targets.Count; t++)
                Target(json, result.Targets[t], files?.Targets[t], worstCount);
            json.WriteEndArray();
            if (files is not null)
            {
                json.WriteStartObject("files");
                json.WriteString("json", ReportFiles.Json);
                json.WriteString("markdown", ReportFiles.Markdown);
                NullableString(json, "loss", files.Loss);
                json.WriteEndObject();
            }
            json.WriteStartArray("warnings");
            foreach (var warning in warnings) json.WriteStringValue(warning);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Version =>
        typeof(ReportJson).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    private static void Training(Utf8JsonWriter json, TrainingHistory? history)
    {
        if (history is null)
        {
            json.WriteNull("training");
            return;
        }
        json.WriteStartObject("training");
        json.WriteNumber("durationSeconds", history.Duration.TotalSeconds);
        var best = TrainingSummary.BestValidationEpoch(history);
        if (best is { } b) json.WriteNumber("bestValidationEpoch", b); else json.WriteNull("bestValidationEpoch");
        json.WriteStartArray("epochs");
        foreach (var epoch in history.Epochs)
        {
            json.WriteStartObject();
            json.WriteNumber("epoch", epoch.Epoch);
            FiniteOrNull(json, "trainingLoss", epoch.TrainingLoss);
            FiniteOrNull(json, "validationLoss", epoch.ValidationLoss);
            FiniteOrNull(json, "imagesPerSecond", epoch.ImagesPerSecond);
            json.WriteNumber("durationSeconds", epoch.Duration.TotalSeconds);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Target(Utf8JsonWriter json, TargetEvaluation target, TargetFiles? files, int worstCount)
    {
        json.WriteStartObject();
        json.WriteString("name", target.Name);
        json.WriteString("kind", target.KindName);
        target.WriteJson(json, worstCount);
        CalibrationSection.WriteJson(json, target);
        if (files is not null)
        {
            json.WriteStartObject("files");
            foreach (var (name, file) in files.All()) json.WriteString(name, file);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    /// <summary>"summary": one entry per target with its kind, loss weight and headline metrics: the overall view of a multi-task model.</summary>
    private static void Summary(Utf8JsonWriter json, EvaluationResult result)
    {
        json.WriteStartArray("summary");
        foreach (var target in result.Targets)
        {
            json.WriteStartObject();
            json.WriteString("name", target.Name);
            json.WriteString("kind", target.KindName);
            FiniteOrNull(json, "lossWeight", target.Target?.LossWeight);
            json.WriteStartObject("headline");
            foreach (var (name, value) in ReportSummary.Headline(target)) FiniteOrNull(json, name, value);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>"metrics": {name: value or null} then "undefinedReasons": {name: why} for every null.</summary>
    internal static void Metrics(Utf8JsonWriter json, IReadOnlyDictionary<string, string> reasons, params (string Name, double? Value)[] metrics)
    {
        // The metrics records key their reasons by C# property name; the report keys them by JSON name.
        var byJsonName = reasons.ToDictionary(r => ReportFormat.CamelCase(r.Key), r => r.Value);
        var undefined = new Dictionary<string, string>();
        json.WriteStartObject("metrics");
        foreach (var (name, value) in metrics)
            Number(json, name, value, undefined, byJsonName.GetValueOrDefault(name));
        json.WriteEndObject();
        Reasons(json, undefined);
    }

    /// <summary>Writes a number, or null and records why: the given reason, or "not a finite number".</summary>
    internal static void Number(Utf8JsonWriter json, string name, double? value, Dictionary<string, string> undefined, string? reason)
    {
        if (value is { } v && double.IsFinite(v))
        {
            json.WriteNumber(name, v);
            return;
        }
        json.WriteNull(name);
        undefined[name] = value is { } nonFinite ? $"the value is {nonFinite.ToString(ReportFormat.Culture)}, which JSON cannot hold" : reason ?? "undefined for this data";
    }

    internal static void Reasons(Utf8JsonWriter json, Dictionary<string, string> undefined)
    {
        json.WriteStartObject("undefinedReasons");
        foreach (var (name, reason) in undefined) json.WriteString(name, reason);
        json.WriteEndObject();
    }

    /// <summary>"confusionMatrix": {"counts": [[...], ...]}, rows the truth.</summary>
    internal static void ConfusionMatrix(Utf8JsonWriter json, Metrics.ConfusionMatrix matrix)
    {
        json.WriteStartObject("confusionMatrix");
        json.WriteStartArray("counts");
        foreach (var row in matrix.Counts)
        {
            json.WriteStartArray();
            foreach (var count in row) json.WriteNumberValue(count);
            json.WriteEndArray();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    internal static void FiniteOrNull(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v)) json.WriteNumber(name, v); else json.WriteNull(name);
    }

    internal static void NullableString(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null) json.WriteNull(name); else json.WriteString(name, value);
    }
}
