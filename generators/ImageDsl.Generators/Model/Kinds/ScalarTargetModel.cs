using System.Collections.Generic;
using ImageDsl.Generators.Emitting;
using static ImageDsl.Generators.Emitting.Code;

namespace ImageDsl.Generators.Model;

/// <summary>A scalar regression target: <c>[Range]</c> (bounded or periodic) or <c>[Value]</c> (unbounded), on a <c>float</c> or <c>double</c>.</summary>
/// <param name="Name">The property's name, unescaped.</param>
/// <param name="Column">The CSV column.</param>
/// <param name="LossWeight">The declared loss weight.</param>
/// <param name="Metrics">The declared headline metrics.</param>
/// <param name="Kind">Range, Periodic or Value.</param>
/// <param name="IsFloat">True for a <c>float</c> property, false for <c>double</c>.</param>
/// <param name="Min">The declared minimum (0 for a value).</param>
/// <param name="Max">The declared maximum (0 for a value).</param>
/// <param name="Unit">The declared unit, or null.</param>
/// <param name="Loss">The <c>ImageDsl.LossFunction</c> member name.</param>
/// <param name="HuberDelta">The declared Huber delta.</param>
/// <param name="Tolerance">The declared acceptable error, in the target's units (0: none).</param>
/// <param name="ImageRotation">The <c>ImageDsl.RotationSense</c> member when the value is the image's own rotation, else null.</param>
internal sealed record ScalarTargetModel(
    string Name,
    string Column,
    double LossWeight,
    EquatableArray<string> Metrics,
    ScalarKind Kind,
    bool IsFloat,
    double Min,
    double Max,
    string? Unit,
    string Loss,
    double HuberDelta,
    double Tolerance = 0,
    string? ImageRotation = null)
    : TargetModel(Name, Column, LossWeight, Metrics)
{
    // The runtime names this kind's generated code uses.
    private const string PeriodicTargetSpec = "global::ImageDsl.Specs.PeriodicTargetSpec";
    private const string ValueTargetSpec = "global::ImageDsl.Specs.ValueTargetSpec";
    private const string RangeTargetSpec = "global::ImageDsl.Specs.RangeTargetSpec";
    private const string PeriodicEvaluation = "global::ImageDsl.Evaluation.PeriodicEvaluation";
    private const string RegressionEvaluation = "global::ImageDsl.Evaluation.RegressionEvaluation";
    private const string RotationSense = "global::ImageDsl.RotationSense";
    private const string PredictionInterval = "global::ImageDsl.PredictionInterval";

    private string Common => $"column: {Literals.String(Column)}, lossWeight: {Literals.Double(LossWeight)}";

    public override (string First, string Second) SpecExpression()
    {
        var loss = $"loss: {TypeNames.LossFunction}.{Id(Loss)}, huberDelta: {Literals.Double(HuberDelta)}";
        var tolerance = Tolerance > 0 ? $", tolerance: {Literals.Double(Tolerance)}" : "";
        if (Kind == ScalarKind.Value)
            return ($"new {ValueTargetSpec}({Literals.String(Name)}, unit: {Literals.String(Unit)},", $"{loss}, {Common}{tolerance})");
        var type = Kind == ScalarKind.Periodic ? PeriodicTargetSpec : RangeTargetSpec;
        var rotation = ImageRotation is null ? "" : $", imageRotation: {RotationSense}.{Id(ImageRotation)}";
        return ($"new {type}({Literals.String(Name)}, {Literals.Double(Min)}, {Literals.Double(Max)}, unit: {Literals.String(Unit)},",
            $"{loss}, {Common}{tolerance}{rotation})");
    }

    public override IEnumerable<(string Name, string Doc, string Declaration)> PredictionParameters()
    {
        var unit = Unit is null ? "" : " in " + Literals.XmlText(Unit);
        var where = Kind switch
        {
            ScalarKind.Range => $", within [{Literals.Number(Min)}, {Literals.Number(Max)}]",
            ScalarKind.Periodic => $", within [{Literals.Number(Min)}, {Literals.Number(Max)})",
            _ => "",
        };
        yield return (Name, $"The predicted {Name}{unit}{where}.", $"{(IsFloat ? "float" : "double")} {Id(Name)}");
        var wraps = Kind == ScalarKind.Periodic ? " (it may wrap round the period: Low above High)" : Kind == ScalarKind.Range ? ", clipped to the range" : "";
        yield return (Name + "Interval", $"The prediction interval of {Name}{unit}{wraps}; null until the model's intervals are calibrated (CalibrateIntervals).",
            $"{PredictionInterval}? {Id(Name + "Interval")}");
    }

    public override IEnumerable<string> PredictionArguments(int index)
    {
        yield return $"{(IsFloat ? "(float)" : "")}outputs.Value({Literals.Int(index)})";
        yield return $"outputs.Interval({Literals.Int(index)})";
    }

    public override string FromEncoded(int offset, int index) => $"{(IsFloat ? "" : "(double)")}encoded[{Literals.Int(offset)}]";

    public override void WriteEncode(SourceWriter w, string value, int offset, int index) =>
        w.WriteLine($"encoded[{Literals.Int(offset)}] = (float){value};");

    public override string? AngleUnit => Kind != ScalarKind.Value && ImageRotation is null && ImageDsl.Generators.Shared.AugmentationRules.IsAngleUnit(Unit) ? Unit : null;

    public override (string Type, string What) Evaluation => Kind == ScalarKind.Periodic
        ? (PeriodicEvaluation, "Circular regression")
        : (RegressionEvaluation, "Regression");

    public override string Outputs => Kind == ScalarKind.Periodic ? "sine and cosine" : "1 value";
}

/// <summary>Which scalar regression a <see cref="ScalarTargetModel"/> is.</summary>
internal enum ScalarKind
{
    /// <summary>Bounded: <c>[Range(min, max)]</c>.</summary>
    Range,

    /// <summary>Circular: <c>[Range(min, max, Periodic = true)]</c>.</summary>
    Periodic,

    /// <summary>Unbounded: <c>[Value]</c>.</summary>
    Value,
}
