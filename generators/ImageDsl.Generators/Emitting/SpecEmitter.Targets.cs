using System.Collections.Generic;
using System.Linq;
using ImageDsl.Generators.Model;

namespace ImageDsl.Generators.Emitting;

internal static partial class SpecEmitter
{
    /// <summary>One entry of the spec's <c>Targets</c> array: the runtime <c>TargetSpec</c> of the target's kind.</summary>
    private static void WriteTargetSpec(SourceWriter w, TargetModel target)
    {
        var name = Literals.String(target.Name);
        var common = $"column: {Literals.String(target.Column)}, lossWeight: {Literals.Double(target.LossWeight)}";
        string first, second;
        switch (target)
        {
            case LabelTargetModel labels:
                first = $"new {TypeNames.LabelTargetSpec}({name}, new[] {{ {string.Join(", ", labels.Labels.Select(l => Literals.String(l.Name)))} }}, {common}, " +
                        $"labelSmoothing: {Literals.Double(labels.LabelSmoothing)},";
                second = $"aliases: {(labels.IsString ? "null" : StringArray(labels.Labels.Select(l => l.Value ?? "")))}, classWeights: {DoubleArray(labels.ClassWeights)})";
                break;
            case BinaryTargetModel binary:
                first = $"new {TypeNames.BinaryTargetSpec}({name}, {common}, threshold: {Literals.Double(binary.Threshold)}, positiveWeight: {Literals.Double(binary.PositiveWeight)},";
                second = $"negativeLabel: {Literals.String(binary.NegativeLabel)}, positiveLabel: {Literals.String(binary.PositiveLabel)})";
                break;
            case MultiLabelTargetModel multi:
                first = $"new {TypeNames.MultiLabelTargetSpec}({name}, new[] {{ {string.Join(", ", multi.Labels.Select(l => Literals.String(l.Name)))} }}, {common},";
                second = $"thresholds: {DoubleArray(multi.Thresholds)}, positiveWeights: {DoubleArray(multi.PositiveWeights)}, " +
                         $"aliases: {StringArray(multi.Labels.Select(l => l.Value ?? ""))})";
                break;
            case ScalarTargetModel { Kind: ScalarKind.Value } value:
                first = $"new {TypeNames.ValueTargetSpec}({name}, unit: {Literals.String(value.Unit)},";
                second = $"loss: {TypeNames.LossFunction}.{Id(value.Loss)}, huberDelta: {Literals.Double(value.HuberDelta)}, {common})";
                break;
            case ScalarTargetModel scalar:
                var type = scalar.Kind == ScalarKind.Periodic ? TypeNames.PeriodicTargetSpec : TypeNames.RangeTargetSpec;
                first = $"new {type}({name}, {Literals.Double(scalar.Min)}, {Literals.Double(scalar.Max)}, unit: {Literals.String(scalar.Unit)},";
                var tolerance = scalar.Kind == ScalarKind.Range && scalar.Tolerance > 0 ? $", tolerance: {Literals.Double(scalar.Tolerance)}" : "";
                var rotation = scalar.ImageRotation is null ? "" : $", imageRotation: {TypeNames.RotationSense}.{Id(scalar.ImageRotation)}";
                second = $"loss: {TypeNames.LossFunction}.{Id(scalar.Loss)}, huberDelta: {Literals.Double(scalar.HuberDelta)}, {common}{tolerance}{rotation})";
                break;
            case VectorTargetModel vector:
                var range = vector.HasRange ? $"min: {Literals.Double(vector.Min)}, max: {Literals.Double(vector.Max)}" : "min: null, max: null";
                first = $"new {TypeNames.VectorTargetSpec}({name}, {StringArray(vector.Components.Select(c => c.Name))}, columns: {StringArray(vector.Columns)}, {range}, unit: {Literals.String(vector.Unit)},";
                second = $"loss: {TypeNames.LossFunction}.{Id(vector.Loss)}, huberDelta: {Literals.Double(vector.HuberDelta)}, " +
                         $"box: {(vector.Box is null ? "null" : $"{TypeNames.BoxFormat}.{Id(vector.Box)}")}, {common}{(vector.Points ? ", points: true" : "")})";
                break;
            default:
                return;
        }
        var metrics = target.Metrics.Count == 0 ? "" : $" {{ Metrics = {string.Join(" | ", target.Metrics.Select(m => $"{TypeNames.Metric}.{Id(m)}"))} }}";
        w.WriteLine(first);
        w.WriteLine($"    {second}{metrics},");
    }

    private static string StringArray(IEnumerable<string> values) => $"new string[] {{ {string.Join(", ", values.Select(Literals.String))} }}";

    private static string DoubleArray(EquatableArray<double> values) =>
        values.Count == 0 ? "null" : $"new double[] {{ {string.Join(", ", values.Select(Literals.Double))} }}";
}
