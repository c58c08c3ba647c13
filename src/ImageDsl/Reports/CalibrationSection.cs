using System.Globalization;
using System.Text;
using System.Text.Json;
using ImageDsl.Evaluation;
using ImageDsl.Reports.Plots;

namespace ImageDsl.Reports;

/// <summary>
/// The parts of a target's report that calibration adds, whatever its kind: probability calibration
/// (ECE, MCE, Brier, the temperature and its fit, a reliability diagram) and prediction intervals
/// (nominal and empirical coverage, mean width).
/// </summary>
internal static class CalibrationSection
{
    public static void WriteJson(Utf8JsonWriter json, TargetEvaluation target)
    {
        if (target.Calibration is { } c)
        {
            json.WriteStartObject("calibration");
            json.WriteNumber("expectedCalibrationError", c.ExpectedCalibrationError);
            json.WriteNumber("maximumCalibrationError", c.MaximumCalibrationError);
            json.WriteNumber("brier", c.Brier);
            json.WriteNumber("bins", c.Bins.Count);
            if (target.Calibrated?.Temperatures is { } temperatures)
            {
                json.WriteStartArray("temperatures");
                foreach (var t in temperatures) json.WriteNumberValue(t);
                json.WriteEndArray();
            }
            else json.WriteNull("temperatures");
            if (target.Calibrated?.TemperatureFit is { } fit)
            {
                json.WriteStartObject("fit");
                json.WriteNumber("images", fit.Images);
                json.WriteNumber("eceBefore", fit.EceBefore);
                json.WriteNumber("eceAfter", fit.EceAfter);
                json.WriteNumber("brierBefore", fit.BrierBefore);
                json.WriteNumber("brierAfter", fit.BrierAfter);
                if (fit.LogLossBefore is { } lb) json.WriteNumber("logLossBefore", lb); else json.WriteNull("logLossBefore");
                if (fit.LogLossAfter is { } la) json.WriteNumber("logLossAfter", la); else json.WriteNull("logLossAfter");
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        if (target.Intervals is { } i)
        {
            // "coverage" at the target's top level: the figure a reader looks for first.
            json.WriteNumber("coverage", i.Coverage);
            json.WriteStartObject("intervals");
            json.WriteNumber("nominalCoverage", i.NominalCoverage);
            json.WriteNumber("coverage", i.Coverage);
            json.WriteNumber("meanWidth", i.MeanWidth);
            json.WriteStartArray("halfWidths");
            foreach (var r in target.Calibrated?.IntervalRadii ?? []) json.WriteNumberValue(r);
            json.WriteEndArray();
            json.WriteStartArray("componentCoverage");
            foreach (var v in i.ComponentCoverage) json.WriteNumberValue(v);
            json.WriteEndArray();
            json.WriteStartArray("componentMeanWidth");
            foreach (var v in i.ComponentMeanWidth) json.WriteNumberValue(v);
            json.WriteEndArray();
            if (target.Calibrated?.IntervalImages is { } images) json.WriteNumber("calibrationImages", images);
            json.WriteString("scaling", target.Calibrated?.IntervalScales is null ? "constant" : "learned");
            if (target.Calibrated?.IntervalScales is { } scales)
            {
                // halfWidths above stay the constant intervals' (fitted on all the images), for comparison.
                json.WriteStartArray("learnedScales");
                foreach (var scale in scales)
                {
                    json.WriteStartObject();
                    json.WriteString("input", scale.Input);
                    json.WriteNumber("quantile", scale.Quantile);
                    json.WriteStartArray("knots");
                    foreach (var k in scale.Knots) json.WriteNumberValue(k);
                    json.WriteEndArray();
                    json.WriteStartArray("scales");
                    foreach (var v in scale.Scales) json.WriteNumberValue(v);
                    json.WriteEndArray();
                    json.WriteNumber("scaleImages", scale.ScaleImages);
                    json.WriteNumber("quantileImages", scale.QuantileImages);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
    }

    public static void WriteMarkdown(StringBuilder md, TargetEvaluation target, TargetFiles? files)
    {
        var name = ReportMarkdown.Escape(target.Name);
        if (target.Calibration is { } c)
        {
            md.AppendLine($"### {name}: calibration").AppendLine();
            var temperature = target.Calibrated?.Temperatures is { } t
                ? $"temperature-scaled (T = {string.Join(", ", t.Distinct().Select(v => v.ToString("0.###", CultureInfo.InvariantCulture)))})"
                : "not calibrated (call Calibrate on held-out images to fit a temperature)";
            md.AppendLine($"Probabilities {temperature}. Over {c.Count} images, {c.Bins.Count} equal-width bins of top-label confidence:").AppendLine();
            md.AppendLine("| | |").AppendLine("| --- | ---: |");
            md.AppendLine($"| expected calibration error | {ReportFormat.Metric(c.ExpectedCalibrationError)} |");
            md.AppendLine($"| maximum calibration error | {ReportFormat.Metric(c.MaximumCalibrationError)} |");
            md.AppendLine($"| Brier score | {ReportFormat.Metric(c.Brier)} |");
            if (target.Calibrated?.TemperatureFit is { } fit)
                md.AppendLine($"| fitted on | {fit.Images} images: ECE {ReportFormat.Metric(fit.EceBefore)} → {ReportFormat.Metric(fit.EceAfter)}, Brier {ReportFormat.Metric(fit.BrierBefore)} → {ReportFormat.Metric(fit.BrierAfter)} |");
            md.AppendLine();
            ReportMarkdown.Image(md, Reliability(files), $"{target.Name} reliability diagram");
        }
        if (target.Intervals is { } i)
        {
            md.AppendLine($"### {name}: prediction intervals").AppendLine();
            var halfWidths = target.Calibrated?.IntervalRadii is { } r ? string.Join(", ", r.Select(v => ReportFormat.Value(v))) : "?";
            md.AppendLine("| | |").AppendLine("| --- | ---: |");
            md.AppendLine($"| nominal coverage | {(i.NominalCoverage * 100).ToString("0.#", CultureInfo.InvariantCulture)} % |");
            md.AppendLine($"| empirical coverage | {(i.Coverage * 100).ToString("0.0", CultureInfo.InvariantCulture)} % |");
            md.AppendLine($"| mean width | {ReportFormat.Value(i.MeanWidth)} |");
            if (target.Calibrated?.IntervalScales is { } scales)
            {
                var learned = scales.Select(l => $"{ReportFormat.Value(l.Radius(l.Knots[0]))} at {ReportFormat.Value(l.Knots[0])} to {ReportFormat.Value(l.Radius(l.Knots[^1]))} at {ReportFormat.Value(l.Knots[^1])}");
                md.AppendLine($"| half-width (split conformal, learned scale: quantile × the typical error at {scales[0].Input}) | {string.Join("; ", learned)} |");
                md.AppendLine($"| constant half-width, for comparison | {halfWidths} |");
            }
            else md.AppendLine($"| half-width (split conformal) | {halfWidths} |");
            md.AppendLine();
        }
    }

    public static void WriteFiles(TargetEvaluation target, TargetFiles files, ReportOptions options, Func<string, Action<string>, string?> save)
    {
        if (!options.Plots || target.Calibration is not { Count: > 0 } c) return;
        var file = save($"{files.Prefix}-reliability.png", path => ReliabilityPlot.Save(target.Name, c, target.Calibrated?.Temperatures is not null, path));
        if (file is not null) files.Other.Add((ReliabilityName, file));
    }

    private const string ReliabilityName = "reliability";

    private static string? Reliability(TargetFiles? files) => files?.Other.FirstOrDefault(f => f.Name == ReliabilityName).File;
}
