using System.Collections.Generic;
using System.Linq;
using ImageDsl.Generators.Emitting;
using ImageDsl.Generators.Parsing;
using ImageDsl.Generators.Shared;
using static ImageDsl.Generators.Emitting.Code;

namespace ImageDsl.Generators.Model;

/// <summary>A multi-class <c>[Labels]</c> target: an enum property, or a string property with its labels listed.</summary>
/// <param name="Name">The property's name, unescaped.</param>
/// <param name="Column">The CSV column.</param>
/// <param name="LossWeight">The declared loss weight.</param>
/// <param name="Metrics">The declared headline metrics.</param>
/// <param name="LabelSmoothing">The declared label smoothing.</param>
/// <param name="EnumType">The enum, <c>global::</c>-qualified; <c>string</c> for a string target.</param>
/// <param name="IsString">True for a string property whose labels the attribute lists.</param>
/// <param name="Labels">The labels in order (an enum's members in declaration order).</param>
/// <param name="ClassWeights">The declared class weights, or empty.</param>
/// <param name="Loss">The <c>ImageDsl.LossFunction</c> member it is trained with (the kind's default, or a raw-score loss).</param>
internal sealed record LabelTargetModel(
    string Name,
    string Column,
    double LossWeight,
    EquatableArray<string> Metrics,
    double LabelSmoothing,
    string EnumType,
    bool IsString,
    EquatableArray<LabelModel> Labels,
    EquatableArray<double> ClassWeights,
    string Loss = "CrossEntropy")
    : TargetModel(Name, Column, LossWeight, Metrics)
{
    // The runtime names this kind's generated code uses.
    private const string LabelTargetSpec = "global::ImageDsl.Specs.LabelTargetSpec";
    private const string ClassificationEvaluation = "global::ImageDsl.Evaluation.ClassificationEvaluation";

    private bool RawScores => TargetKinds.GivesRawScores(Loss);

    private bool DefaultLoss => Loss == TargetKinds.Labels.Losses[0].ToString();

    public override (string First, string Second) SpecExpression() =>
        ($"new {LabelTargetSpec}({Literals.String(Name)}, new[] {{ {string.Join(", ", Labels.Select(l => Literals.String(l.Name)))} }}, " +
         $"column: {Literals.String(Column)}, lossWeight: {Literals.Double(LossWeight)}, labelSmoothing: {Literals.Double(LabelSmoothing)},",
         $"aliases: {(IsString ? "null" : StringArray(Labels.Select(l => l.Value ?? "")))}, classWeights: {DoubleArray(ClassWeights)}" +
         $"{(DefaultLoss ? "" : $", loss: {TypeNames.LossFunction}.{Loss}")})");

    public override IEnumerable<(string Name, string Doc, string Declaration)> PredictionParameters()
    {
        yield return (Name, RawScores ? $"The label of {Name} with the highest score." : $"The most probable label of {Name}.", $"{EnumType} {Id(Name)}");
        var probabilities = GeneratedNames.Probabilities(Name);
        yield return (probabilities, RawScores
                ? $"The raw score of each label of {Name}: trained with {Loss}, these are not probabilities (the highest is the prediction)."
                : $"The probability of each label of {Name}.",
            $"{TypeNames.LabelProbabilities}<{EnumType}> {Id(probabilities)}");
    }

    public override IEnumerable<string> PredictionArguments(int index)
    {
        yield return $"{GeneratedNames.LabelArray(Name)}[outputs.LabelIndex({Literals.Int(index)})]";
        yield return $"new {TypeNames.LabelProbabilities}<{EnumType}>({GeneratedNames.LabelArray(Name)}, outputs.Probabilities({Literals.Int(index)}))";
    }

    public override string FromEncoded(int offset, int index) => $"{GeneratedNames.LabelArray(Name)}[(int)encoded[{Literals.Int(offset)}]]";

    public override void WriteEncode(SourceWriter w, string value, int offset, int index)
    {
        w.WriteLine($"encoded[{Literals.Int(offset)}] = {value} switch");
        w.OpenBlock();
        for (int j = 0; j < Labels.Count; j++)
            w.WriteLine($"{LabelValue(EnumType, IsString, Labels[j])} => {Literals.Int(j)},");
        w.WriteLine($"_ => throw new {TypeNames.ArgumentOutOfRangeException}(nameof(labels), {value}, {Literals.String($"Not a label of {Name}.")}),");
        w.CloseBlock(";");
    }

    /// <summary>One method taking a label: its score (logit) is explained.</summary>
    public override void WriteExplainTargets(SourceWriter w) => WriteExplainLabel(w, EnumType, IsString, Labels);

    public override IEnumerable<string> LabelNames => Labels.Select(l => l.Name);

    public override (string Type, string What) Evaluation => (ClassificationEvaluation, "Classification");

    public override string Outputs => $"{Labels.Count} {(RawScores ? "scores" : "logits")}";

    public override bool ReadsFolders => true;

    public override bool MixesAsLabels => true;

    public override IEnumerable<string> SpecClassMembers => new[] { GeneratedNames.Labels(Name), GeneratedNames.LabelArray(Name) };

    public override void WriteSpecMembers(SourceWriter w) =>
        WriteLabelMembers(w, EnumType, Labels.Select(l => LabelValue(EnumType, IsString, l)), GeneratedNames.LabelArray(Name), GeneratedNames.Labels(Name), "labels", this);
}

/// <summary>One label: an enum member, or a declared string.</summary>
/// <param name="Name">The member's name, unescaped (or the string label).</param>
/// <param name="Value">An enum member's constant value in invariant culture: the label's alias (a folder named <c>7</c>); null for string labels.</param>
internal sealed record LabelModel(string Name, string? Value);
