using System.Collections.Generic;
using ImageDsl.Generators.Model;

namespace ImageDsl.Generators.Emitting;

internal static partial class SpecEmitter
{
    /// <summary>The typed prediction: per label target the label and its probabilities, per range target the value.</summary>
    private static void WritePrediction(SourceWriter w, SpecModel spec)
    {
        var parameters = new List<string>();
        w.WriteLine("/// <summary>What the model predicts for one image.</summary>");
        foreach (var target in spec.Targets)
        {
            switch (target)
            {
                case LabelTargetModel labels:
                    w.WriteLine($"/// <param name=\"{labels.Name}\">The most probable label of {labels.Name}.</param>");
                    w.WriteLine($"/// <param name=\"{GeneratedNames.Probabilities(labels.Name)}\">The probability of each label of {labels.Name}.</param>");
                    parameters.Add($"{labels.EnumType} {Id(labels.Name)}");
                    parameters.Add($"{TypeNames.LabelProbabilities}<{labels.EnumType}> {Id(GeneratedNames.Probabilities(labels.Name))}");
                    break;
                case RangeTargetModel range:
                    var unit = range.Unit is null ? "" : " in " + Literals.XmlText(range.Unit);
                    w.WriteLine($"/// <param name=\"{range.Name}\">The predicted {range.Name}{unit}, within [{Literals.Number(range.Min)}, {Literals.Number(range.Max)}].</param>");
                    parameters.Add($"{(range.IsFloat ? "float" : "double")} {Id(range.Name)}");
                    break;
            }
        }
        w.WriteLine(GeneratedCode);
        w.WriteLine($"public sealed record {GeneratedNames.Prediction}(");
        w.Indent();
        for (int i = 0; i < parameters.Count; i++)
            w.WriteLine(parameters[i] + (i < parameters.Count - 1 ? "," : ");"));
        w.Unindent();
    }

    /// <summary>The typed evaluation: one property per target over the untyped result.</summary>
    private static void WriteEvaluation(SourceWriter w, SpecModel spec)
    {
        w.WriteLines($$"""
            /// <summary>The model's scores on a dataset, one property per target.</summary>
            {{GeneratedCode}}
            public sealed class {{GeneratedNames.Evaluation}}
            {
                internal {{GeneratedNames.Evaluation}}({{TypeNames.EvaluationResult}} result) => Result = result;

                /// <summary>The untyped result, for reports.</summary>
                public {{TypeNames.EvaluationResult}} Result { get; }
            """);
        w.Indent();
        for (int i = 0; i < spec.Targets.Count; i++)
        {
            var target = spec.Targets[i];
            var (type, what) = target is LabelTargetModel
                ? (TypeNames.ClassificationEvaluation, "Classification")
                : (TypeNames.RegressionEvaluation, "Regression");
            w.WriteLine();
            w.WriteLine($"/// <summary>{what} metrics of {target.Name}.</summary>");
            w.WriteLine($"public {type} {Id(target.Name)} => ({type})Result.Targets[{Literals.Int(i)}];");
        }
        w.Unindent();
        w.WriteLines("""

                /// <summary>Markdown tables of every target's metrics.</summary>
                public string ToMarkdown() => Result.ToMarkdown();

                /// <summary>Writes the metrics as JSON.</summary>
                /// <param name="path">The file to write.</param>
                public void WriteJson(string path) => Result.WriteJson(path);
            """);
        w.WriteLines($$"""

                /// <summary>Writes a report folder: report.json, report.md, plots and the worst predictions (see docs/reports.md).</summary>
                /// <param name="directory">The folder to write; created if missing.</param>
                /// <param name="history">The training run, for loss curves; optional.</param>
                /// <param name="options">What to draw; optional.</param>
                /// <returns>The files written.</returns>
                public global::System.Collections.Generic.IReadOnlyList<string> WriteReport(string directory, {{TypeNames.TrainingHistory}}? history = null, {{TypeNames.ReportOptions}}? options = null)
                    => Result.WriteReport(directory, history, options);
            }
            """);
    }
}
