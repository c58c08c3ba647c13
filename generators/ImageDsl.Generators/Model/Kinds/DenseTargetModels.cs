using System.Collections.Generic;
using System.Linq;
using ImageDsl.Generators.Emitting;
using static ImageDsl.Generators.Emitting.Code;

namespace ImageDsl.Generators.Model;

/// <summary>A per-pixel value map: <c>[Map]</c> on a <c>ValueMap</c> property.</summary>
/// <param name="Name">The property's name, unescaped.</param>
/// <param name="Column">The CSV column holding each image's map file.</param>
/// <param name="LossWeight">The declared loss weight.</param>
/// <param name="Metrics">The declared headline metrics.</param>
/// <param name="Width">The output width (the input's unless declared).</param>
/// <param name="Height">The output height.</param>
/// <param name="Min">The declared minimum, NaN for none.</param>
/// <param name="Max">The declared maximum, NaN for none.</param>
/// <param name="Log">True for a log-scaled map.</param>
/// <param name="Unit">The declared unit, or null.</param>
/// <param name="Loss">The <c>ImageDsl.LossFunction</c> member name.</param>
/// <param name="HuberDelta">The declared Huber delta.</param>
/// <param name="Scale">User units per PNG unit.</param>
/// <param name="InvalidValue">The file value of an invalid pixel, NaN for none.</param>
internal sealed record MapTargetModel(
    string Name, string Column, double LossWeight, EquatableArray<string> Metrics,
    int Width, int Height, double Min, double Max, bool Log, string? Unit, string Loss, double HuberDelta, double Scale, double InvalidValue)
    : TargetModel(Name, Column, LossWeight, Metrics)
{
    private const string MapTargetSpec = "global::ImageDsl.Specs.MapTargetSpec";
    private const string MapEvaluation = "global::ImageDsl.Evaluation.MapEvaluation";
    private const string ValueMap = "global::ImageDsl.ValueMap";

    public override (string First, string Second) SpecExpression() =>
        ($"new {MapTargetSpec}({Literals.String(Name)}, {Literals.Int(Width)}, {Literals.Int(Height)}, min: {Literals.Double(Min)}, max: {Literals.Double(Max)}, log: {(Log ? "true" : "false")}, unit: {Literals.String(Unit)},",
         $"loss: {TypeNames.LossFunction}.{Id(Loss)}, huberDelta: {Literals.Double(HuberDelta)}, scale: {Literals.Double(Scale)}, invalidValue: {Literals.Double(InvalidValue)}, column: {Literals.String(Column)}, lossWeight: {Literals.Double(LossWeight)})");

    public override IEnumerable<(string Name, string Doc, string Declaration)> PredictionParameters()
    {
        yield return (Name, $"The predicted {Name} map ({Width}x{Height}{(Unit is null ? "" : ", " + Literals.XmlText(Unit))}).", $"{ValueMap} {Id(Name)}");
    }

    public override IEnumerable<string> PredictionArguments(int index)
    {
        yield return $"new {ValueMap}({Literals.Int(Width)}, {Literals.Int(Height)}, outputs.Values({Literals.Int(index)}))";
    }

    public override string FromEncoded(int offset, int index) =>
        $"new {ValueMap}({Literals.Int(Width)}, {Literals.Int(Height)}, encoded.Slice({Literals.Int(offset)}, {Literals.Int(EncodedWidth)}))";

    public override void WriteEncode(SourceWriter w, string value, int offset, int index) =>
        w.WriteLine($"{value}.CopyTo(encoded.Slice({Literals.Int(offset)}, {Literals.Int(EncodedWidth)}));");

    public override int EncodedWidth => Width * Height;

    public override (string Type, string What) Evaluation => (MapEvaluation, "Value-map (depth) metrics");

    public override string Outputs => $"a {Width}x{Height} map";

    /// <summary>None: a map is not one number, so it has no heatmap.</summary>
    public override void WriteExplainTargets(SourceWriter w)
    {
    }
}

/// <summary>A per-pixel label mask: <c>[Mask]</c> on a <c>LabelMap&lt;TEnum&gt;</c> property.</summary>
/// <param name="Name">The property's name, unescaped.</param>
/// <param name="Column">The CSV column holding each image's mask file.</param>
/// <param name="LossWeight">The declared loss weight.</param>
/// <param name="Metrics">The declared headline metrics.</param>
/// <param name="EnumType">The class enum, <c>global::</c>-qualified.</param>
/// <param name="Classes">The class names, index 0 first.</param>
/// <param name="Width">The output width.</param>
/// <param name="Height">The output height.</param>
/// <param name="IgnoreLabel">The ignored pixel value, -1 for none.</param>
/// <param name="ClassWeights">The declared class weights, or empty.</param>
/// <param name="Loss">The <c>ImageDsl.LossFunction</c> member name.</param>
internal sealed record MaskTargetModel(
    string Name, string Column, double LossWeight, EquatableArray<string> Metrics,
    string EnumType, EquatableArray<string> Classes, int Width, int Height, int IgnoreLabel, EquatableArray<double> ClassWeights, string Loss)
    : TargetModel(Name, Column, LossWeight, Metrics)
{
    private const string MaskTargetSpec = "global::ImageDsl.Specs.MaskTargetSpec";
    private const string MaskEvaluation = "global::ImageDsl.Evaluation.MaskEvaluation";

    private string LabelMap => $"global::ImageDsl.LabelMap<{EnumType}>";

    public override (string First, string Second) SpecExpression() =>
        ($"new {MaskTargetSpec}({Literals.String(Name)}, {Literals.Int(Width)}, {Literals.Int(Height)}, {StringArray(Classes)},",
         $"ignoreLabel: {Literals.Int(IgnoreLabel)}, classWeights: {DoubleArray(ClassWeights)}, loss: {TypeNames.LossFunction}.{Id(Loss)}, column: {Literals.String(Column)}, lossWeight: {Literals.Double(LossWeight)})");

    public override IEnumerable<(string Name, string Doc, string Declaration)> PredictionParameters()
    {
        yield return (Name, $"The predicted {Name} mask ({Width}x{Height}), the most probable class of each pixel.", $"{LabelMap} {Id(Name)}");
    }

    public override IEnumerable<string> PredictionArguments(int index)
    {
        yield return $"new {LabelMap}({Literals.Int(Width)}, {Literals.Int(Height)}, (global::System.ReadOnlySpan<float>)outputs.Values({Literals.Int(index)}))";
    }

    public override string FromEncoded(int offset, int index) =>
        $"new {LabelMap}({Literals.Int(Width)}, {Literals.Int(Height)}, encoded.Slice({Literals.Int(offset)}, {Literals.Int(EncodedWidth)}))";

    public override void WriteEncode(SourceWriter w, string value, int offset, int index) =>
        w.WriteLine($"{value}.CopyTo(encoded.Slice({Literals.Int(offset)}, {Literals.Int(EncodedWidth)}));");

    public override int EncodedWidth => Width * Height;

    public override (string Type, string What) Evaluation => (MaskEvaluation, "Mask (segmentation) metrics");

    public override string Outputs => $"{Classes.Count} logits per pixel of a {Width}x{Height} mask";

    /// <summary>None: a mask is not one number, so it has no heatmap.</summary>
    public override void WriteExplainTargets(SourceWriter w)
    {
    }
}
