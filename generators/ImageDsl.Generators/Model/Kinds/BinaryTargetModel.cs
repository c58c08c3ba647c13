using System.Collections.Generic;
using ImageDsl.Generators.Emitting;
using ImageDsl.Generators.Parsing;
using ImageDsl.Generators.Shared;
using static ImageDsl.Generators.Emitting.Code;

namespace ImageDsl.Generators.Model;

/// <summary>A binary <c>[Labels]</c> target: a <c>bool</c> property.</summary>
/// <param name="Name">The property's name, unescaped.</param>
/// <param name="Column">The CSV column.</param>
/// <param name="LossWeight">The declared loss weight.</param>
/// <param name="Metrics">The declared headline metrics.</param>
/// <param name="Threshold">The decision threshold.</param>
/// <param name="PositiveWeight">The positive weight of the loss.</param>
/// <param name="NegativeLabel">The name of false.</param>
/// <param name="PositiveLabel">The name of true.</param>
/// <param name="Loss">The <c>ImageDsl.LossFunction</c> member it is trained with (the kind's default, or a raw-score loss).</param>
internal sealed record BinaryTargetModel(
    string Name,
    string Column,
    double LossWeight,
    EquatableArray<string> Metrics,
    double Threshold,
    double PositiveWeight,
    string NegativeLabel,
    string PositiveLabel,
    string Loss = "BinaryCrossEntropy")
    : TargetModel(Name, Column, LossWeight, Metrics)
{
    // The runtime names this kind's generated code uses.
    private const string BinaryTargetSpec = "global::ImageDsl.Specs.BinaryTargetSpec";
    private const string BinaryEvaluation = "global::ImageDsl.Evaluation.BinaryEvaluation";

    private bool RawScores => TargetKinds.GivesRawScores(Loss);

    private bool DefaultLoss => Loss == TargetKinds.Binary.Losses[0].ToString();

    public override (string First, string Second) SpecExpression() =>
        ($"new {BinaryTargetSpec}({Literals.String(Name)}, column: {Literals.String(Column)}, lossWeight: {Literals.Double(LossWeight)}, " +
         $"threshold: {Literals.Double(Threshold)}, positiveWeight: {Literals.Double(PositiveWeight)},",
         $"negativeLabel: {Literals.String(NegativeLabel)}, positiveLabel: {Literals.String(PositiveLabel)}{(DefaultLoss ? "" : $", loss: {TypeNames.LossFunction}.{Loss}")})");

    public override IEnumerable<(string Name, string Doc, string Declaration)> PredictionParameters()
    {
        yield return (Name, RawScores
                ? $"Whether {Name} is true: its raw score is at least 0."
                : $"Whether {Name} is true: its probability is at least {Literals.Number(Threshold)}.",
            $"bool {Id(Name)}");
        var probability = GeneratedNames.Probability(Name);
        yield return (probability, RawScores
                ? $"The raw score of {Name}: trained with {Loss}, this is not a probability (true at or above 0)."
                : $"The probability that {Name} is true.",
            $"float {Id(probability)}");
    }

    public override IEnumerable<string> PredictionArguments(int index)
    {
        yield return $"outputs.IsPositive({Literals.Int(index)})";
        yield return $"outputs.Probability({Literals.Int(index)})";
    }

    public override string FromEncoded(int offset, int index) => $"encoded[{Literals.Int(offset)}] >= 0.5f";

    public override void WriteEncode(SourceWriter w, string value, int offset, int index) =>
        w.WriteLine($"encoded[{Literals.Int(offset)}] = {value} ? 1f : 0f;");

    public override IEnumerable<string> LabelNames => new[] { NegativeLabel, PositiveLabel };

    public override (string Type, string What) Evaluation => (BinaryEvaluation, "Binary classification");

    public override string Outputs => RawScores ? "1 score" : "1 logit";

    public override bool ReadsFolders => true;

    public override bool MixesAsLabels => true;

}
