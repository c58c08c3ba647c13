using System.Text.Json;
using ImageDsl.Evaluation;

namespace ImageDsl.Reports;

/// <summary>The <c>report.json</c> entries of the binary, multi-label, periodic and vector target kinds (see docs/reports.md).</summary>
internal static class ReportJsonKinds
{
    public static void Binary(Utf8JsonWriter json, BinaryEvaluation target)
    {
        var m = target.Metrics;
        json.WriteString("kind", "binary");
        json.WriteNumber("count", m.Count);
        json.WriteStartArray("labels");
        json.WriteStringValue(target.NegativeLabel);
        json.WriteStringValue(target.PositiveLabel);
        json.WriteEndArray();
        json.WriteNumber("threshold", m.Threshold);
        ReportJson.Metrics(json, m.UndefinedReasons,
            ("accuracy", m.Accuracy), ("precision", m.Precision), ("recall", m.Recall), ("f1", m.F1), ("rocAuc", m.RocAuc),
            ("averagePrecision", m.AveragePrecision), ("logLoss", m.LogLoss), ("matthewsCorrelation", m.MatthewsCorrelation));
        json.WriteStartObject("confusion");
        json.WriteNumber("truePositives", m.TruePositives);
        json.WriteNumber("falsePositives", m.FalsePositives);
        json.WriteNumber("trueNegatives", m.TrueNegatives);
        json.WriteNumber("falseNegatives", m.FalseNegatives);
        json.WriteEndObject();
    }

    public static void MultiLabel(Utf8JsonWriter json, MultiLabelEvaluation target)
    {
        var m = target.Metrics;
        json.WriteString("kind", "multilabel");
        json.WriteNumber("count", m.Count);
        json.WriteStartArray("labels");
        foreach (var label in m.Labels) json.WriteStringValue(label);
        json.WriteEndArray();
        json.WriteStartArray("thresholds");
        foreach (var t in m.Thresholds) json.WriteNumberValue(t);
        json.WriteEndArray();
        ReportJson.Metrics(json, m.UndefinedReasons,
            ("subsetAccuracy", m.SubsetAccuracy), ("hammingLoss", m.HammingLoss),
            ("precisionMicro", m.PrecisionMicro), ("precisionMacro", m.PrecisionMacro), ("precisionWeighted", m.PrecisionWeighted), ("precisionSamples", m.PrecisionSamples),
            ("recallMicro", m.RecallMicro), ("recallMacro", m.RecallMacro), ("recallWeighted", m.RecallWeighted), ("recallSamples", m.RecallSamples),
            ("f1Micro", m.F1Micro), ("f1Macro", m.F1Macro), ("f1Weighted", m.F1Weighted), ("f1Samples", m.F1Samples),
            ("rocAucMacro", m.RocAucMacro), ("rocAucMicro", m.RocAucMicro));
        json.WriteStartArray("perLabel");
        foreach (var label in m.PerLabel)
        {
            json.WriteStartObject();
            json.WriteString("label", label.Label);
            json.WriteNumber("precision", label.Precision);
            json.WriteNumber("recall", label.Recall);
            json.WriteNumber("f1", label.F1);
            json.WriteNumber("support", label.Support);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    public static void Periodic(Utf8JsonWriter json, PeriodicEvaluation target)
    {
        var m = target.Metrics;
        json.WriteString("kind", "periodic");
        json.WriteNumber("count", m.Count);
        ReportJson.NullableString(json, "unit", target.Unit);
        json.WriteNumber("period", target.Period);
        var reasons = m.Count == 0 ? new Dictionary<string, string> { ["Mae"] = "no samples", ["Rmse"] = "no samples", ["MedianAbsoluteError"] = "no samples", ["MaxError"] = "no samples" } : [];
        ReportJson.Metrics(json, reasons, ("mae", m.Mae), ("rmse", m.Rmse), ("medianAbsoluteError", m.MedianAbsoluteError), ("maxError", m.MaxError));
    }

    public static void Vector(Utf8JsonWriter json, VectorEvaluation target)
    {
        var m = target.Metrics;
        json.WriteString("kind", target.Box is null ? "vector" : "box");
        json.WriteNumber("count", m.Count);
        ReportJson.NullableString(json, "unit", target.Unit);
        ReportJson.NullableString(json, "boxFormat", target.Box?.ToString());
        var reasons = new Dictionary<string, string>();
        if (m.Count == 0) foreach (var name in new[] { "Mae", "Rmse", "MeanIoU", "iouAbove50", "iouAbove75" }) reasons[name] = "no samples";
        if (m.R2 is null) reasons["R2"] = "fewer than two samples";
        if (target.Box is null) foreach (var name in new[] { "MeanIoU", "iouAbove50", "iouAbove75" }) reasons[name] = "not a box target";
        ReportJson.Metrics(json, reasons, ("mae", m.Mae), ("rmse", m.Rmse), ("r2", m.R2), ("meanIoU", m.MeanIoU), ("iouAbove50", m.IoUAbove50), ("iouAbove75", m.IoUAbove75));
        json.WriteStartArray("perComponent");
        foreach (var c in m.PerComponent)
        {
            json.WriteStartObject();
            json.WriteString("name", c.Name);
            ReportJson.FiniteOrNull(json, "mae", c.Mae);
            ReportJson.FiniteOrNull(json, "rmse", c.Rmse);
            ReportJson.FiniteOrNull(json, "r2", c.R2);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
