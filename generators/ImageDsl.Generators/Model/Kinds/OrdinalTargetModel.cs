using System.Collections.Generic;
using System.Linq;
using ImageDsl.Generators.Emitting;
using ImageDsl.Generators.Parsing;
using static ImageDsl.Generators.Emitting.Code;

namespace ImageDsl.Generators.Model;

/// <summary>An <c>[Ordinal]</c> target: an enum's members, or an <c>int</c>'s whole numbers from <see cref="First"/>, lowest rank first.</summary>
/// <param name="Name">The property's name, unescaped.</param>
/// <param name="Column">The CSV column.</param>
/// <param name="LossWeight">The declared loss weight.</param>
/// <param name="Metrics">The declared headline metrics.</param>
/// <param name="RankType">The enum, <c>global::</c>-qualified; <c>int</c> for an integer range.</param>
/// <param name="Ranks">The ranks in order: an enum's members (with their numbers as aliases), or the numbers as names.</param>
/// <param name="First">The number of the lowest rank of an integer range; 0 for an enum.</param>
internal sealed record OrdinalTargetModel(
    string Name,
    string Column,
    double LossWeight,
    EquatableArray<string> Metrics,
    string RankType,
    EquatableArray<LabelModel> Ranks,
    int First)
    : TargetModel(Name, Column, LossWeight, Metrics)
{
    // The runtime names this kind's generated code uses.
    private const string OrdinalTargetSpec = "global::ImageDsl.Specs.OrdinalTargetSpec";
    private const string OrdinalOutputs = "global::ImageDsl.Specs.OrdinalOutputs";
    private const string OrdinalEvaluation = "global::ImageDsl.Evaluation.OrdinalEvaluation";

    private bool IsNumbers => RankType == "int";

    /// <summary>The public list of the ranks, declared in the spec class.</summary>
    private string RanksList => Name + "Ranks";

    /// <summary>The private array behind <see cref="RanksList"/>.</summary>
    private string RankArray => Name + "RankArray";

    /// <summary>The expected rank, in <c>Prediction</c>.</summary>
    private string Expected => Name + "Expected";

    private string Rank(LabelModel rank) => IsNumbers ? rank.Name : $"{RankType}.{Id(rank.Name)}";

    public override (string First, string Second) SpecExpression() =>
        ($"new {OrdinalTargetSpec}({Literals.String(Name)}, new[] {{ {string.Join(", ", Ranks.Select(r => Literals.String(r.Name)))} }}, " +
         $"column: {Literals.String(Column)}, lossWeight: {Literals.Double(LossWeight)},",
         IsNumbers ? $"aliases: null, first: {Literals.Int(First)})" : $"aliases: {StringArray(Ranks.Select(r => r.Value ?? ""))}, first: null)");

    public override IEnumerable<(string Name, string Doc, string Declaration)> PredictionParameters()
    {
        yield return (Name, $"The predicted rank of {Name}: the highest whose cumulative probability P(rank ≥ it) is above one half.", $"{RankType} {Id(Name)}");
        var probabilities = GeneratedNames.Probabilities(Name);
        yield return (probabilities, $"The probability of each rank of {Name}.", $"{TypeNames.LabelProbabilities}<{RankType}> {Id(probabilities)}");
        var expected = Expected;
        yield return (expected, IsNumbers
                ? $"The expected value of {Name}, a number between {Literals.Int(First)} and {Literals.Int(First + Ranks.Count - 1)}."
                : $"The expected rank of {Name}, a number between 0 (its first member) and {Literals.Int(Ranks.Count - 1)} (its last).",
            $"double {Id(expected)}");
    }

    public override IEnumerable<string> PredictionArguments(int index)
    {
        var i = Literals.Int(index);
        yield return $"{RankArray}[{OrdinalOutputs}.Rank(outputs, {i})]";
        yield return $"new {TypeNames.LabelProbabilities}<{RankType}>({RankArray}, {OrdinalOutputs}.RankProbabilities(outputs, {i}))";
        yield return IsNumbers
            ? $"{Literals.Int(First)} + {OrdinalOutputs}.ExpectedRank(outputs, {i})"
            : $"{OrdinalOutputs}.ExpectedRank(outputs, {i})";
    }

    public override string FromEncoded(int offset, int index) => $"{RankArray}[(int)encoded[{Literals.Int(offset)}]]";

    public override void WriteEncode(SourceWriter w, string value, int offset, int index)
    {
        var o = Literals.Int(offset);
        if (IsNumbers)
        {
            var last = Literals.Int(First + Ranks.Count - 1);
            w.WriteLine($"if ({value} < {Literals.Int(First)} || {value} > {last}) throw new {TypeNames.ArgumentOutOfRangeException}(nameof(labels), {value}, " +
                        $"{Literals.String($"{Name} ranks are {First} to {First + Ranks.Count - 1}.")});");
            w.WriteLine($"encoded[{o}] = {value} - {Literals.Int(First)};");
            return;
        }
        w.WriteLine($"encoded[{o}] = {value} switch");
        w.OpenBlock();
        for (int j = 0; j < Ranks.Count; j++) w.WriteLine($"{Rank(Ranks[j])} => {Literals.Int(j)},");
        w.WriteLine($"_ => throw new {TypeNames.ArgumentOutOfRangeException}(nameof(labels), {value}, {Literals.String($"Not a rank of {Name}.")}),");
        w.CloseBlock(";");
    }

    public override (string Type, string What) Evaluation => (OrdinalEvaluation, "Ordinal");

    public override string Outputs => $"{Ranks.Count - 1} cumulative logits";

    public override bool ReadsFolders => true;

    public override IEnumerable<string> SpecClassMembers => new[] { RanksList, RankArray };

    public override void WriteSpecMembers(SourceWriter w) =>
        WriteLabelMembers(w, RankType, Ranks.Select(Rank), RankArray, RanksList, "ranks, lowest first,", this);
}
