using System.Collections.Generic;
using System.Linq;
using ImageDsl.Generators.Emitting;
using ImageDsl.Generators.Parsing;
using static ImageDsl.Generators.Emitting.Code;

namespace ImageDsl.Generators.Model;

/// <summary>A multi-label <c>[Labels]</c> target: a <c>[Flags]</c> enum, or a set of an enum.</summary>
/// <param name="Name">The property's name, unescaped.</param>
/// <param name="Column">The CSV column.</param>
/// <param name="LossWeight">The declared loss weight.</param>
/// <param name="Metrics">The declared headline metrics.</param>
/// <param name="EnumType">The enum, <c>global::</c>-qualified.</param>
/// <param name="PropertyType">The property's type, <c>global::</c>-qualified: the enum, or the set type.</param>
/// <param name="IsFlags">True for a <c>[Flags]</c> enum property, false for a set.</param>
/// <param name="Labels">The labels in declaration order.</param>
/// <param name="Thresholds">Per-label thresholds.</param>
/// <param name="PositiveWeights">Per-label positive weights.</param>
internal sealed record MultiLabelTargetModel(
    string Name,
    string Column,
    double LossWeight,
    EquatableArray<string> Metrics,
    string EnumType,
    string PropertyType,
    bool IsFlags,
    EquatableArray<LabelModel> Labels,
    EquatableArray<double> Thresholds,
    EquatableArray<double> PositiveWeights)
    : TargetModel(Name, Column, LossWeight, Metrics)
{
    // The runtime names this kind's generated code uses.
    private const string MultiLabelTargetSpec = "global::ImageDsl.Specs.MultiLabelTargetSpec";
    private const string MultiLabelEvaluation = "global::ImageDsl.Evaluation.MultiLabelEvaluation";

    // Helpers are named by target index, so no target name can make two of them collide.
    private static string FromPresent(int index) => "FromPresent" + Literals.Int(index);

    private string SetType => IsFlags ? EnumType : $"{TypeNames.HashSet}<{EnumType}>";

    public override (string First, string Second) SpecExpression() =>
        ($"new {MultiLabelTargetSpec}({Literals.String(Name)}, new[] {{ {string.Join(", ", Labels.Select(l => Literals.String(l.Name)))} }}, " +
         $"column: {Literals.String(Column)}, lossWeight: {Literals.Double(LossWeight)},",
         $"thresholds: {DoubleArray(Thresholds)}, positiveWeights: {DoubleArray(PositiveWeights)}, aliases: {StringArray(Labels.Select(l => l.Value ?? ""))})");

    public override IEnumerable<(string Name, string Doc, string Declaration)> PredictionParameters()
    {
        yield return (Name, $"The labels of {Name} whose probability reaches their threshold.", $"{PropertyType} {Id(Name)}");
        var probabilities = GeneratedNames.Probabilities(Name);
        yield return (probabilities, $"The probability of each label of {Name}.", $"{TypeNames.LabelProbabilities}<{EnumType}> {Id(probabilities)}");
    }

    public override IEnumerable<string> PredictionArguments(int index)
    {
        yield return $"{GeneratedNames.Binding}.{FromPresent(index)}(outputs.Present({Literals.Int(index)}))";
        yield return $"new {TypeNames.LabelProbabilities}<{EnumType}>({GeneratedNames.LabelArray(Name)}, outputs.Probabilities({Literals.Int(index)}))";
    }

    public override string FromEncoded(int offset, int index) =>
        $"{FromPresent(index)}(Present(encoded.Slice({Literals.Int(offset)}, {Literals.Int(Labels.Count)})))";

    public override void WriteEncode(SourceWriter w, string value, int offset, int index)
    {
        var set = "set" + Literals.Int(index);
        if (!IsFlags) w.WriteLine($"var {set} = {value};");
        for (int j = 0; j < Labels.Count; j++)
        {
            var label = $"{EnumType}.{Id(Labels[j].Name)}";
            var present = IsFlags ? $"({value} & {label}) == {label}" : $"{set} is not null && {TypeNames.Enumerable}.Contains({set}, {label})";
            w.WriteLine($"encoded[{Literals.Int(offset + j)}] = {present} ? 1f : 0f;");
        }
    }

    public override IEnumerable<string> LabelNames => Labels.Select(l => l.Name);

    public override bool MixesAsLabels => true;

    public override (string Type, string What) Evaluation => (MultiLabelEvaluation, "Multi-label classification");

    public override string Outputs => $"{Labels.Count} logits";

    public override int EncodedWidth => Labels.Count;

    public override IEnumerable<string> SpecClassMembers => new[] { GeneratedNames.Labels(Name), GeneratedNames.LabelArray(Name) };

    /// <summary>One method taking a label: its score (logit) is explained.</summary>
    public override void WriteExplainTargets(SourceWriter w) => WriteExplainLabel(w, EnumType, false, Labels);

    public override void WriteSpecMembers(SourceWriter w) =>
        WriteLabelMembers(w, EnumType, Labels.Select(l => LabelValue(EnumType, false, l)), GeneratedNames.LabelArray(Name), GeneratedNames.Labels(Name), "labels", this);

    /// <summary>The value of the property from one flag per label (predicted, or read as 0/1 floats).</summary>
    public override void WriteBindingHelpers(SourceWriter w, int index)
    {
        w.WriteLine();
        w.WriteLine($"internal static {SetType} {FromPresent(index)}(bool[] present)");
        w.OpenBlock();
        w.WriteLine(IsFlags ? $"{EnumType} value = default;" : $"var value = new {SetType}();");
        for (int j = 0; j < Labels.Count; j++)
        {
            var label = $"{EnumType}.{Id(Labels[j].Name)}";
            w.WriteLine($"if (present[{Literals.Int(j)}]) {(IsFlags ? $"value |= {label}" : $"value.Add({label})")};");
        }
        w.WriteLine("return value;");
        w.CloseBlock();
    }
}
