using System.Collections.Generic;
using ImageDsl.Generators.Model;

namespace ImageDsl.Generators.Emitting;

internal static partial class SpecEmitter
{
    /// <summary>The typed prediction: per target its value in the property's own type, plus probabilities for classification targets.</summary>
    private static void WritePrediction(SourceWriter w, SpecModel spec)
    {
        var parameters = new List<string>();
        w.WriteLine("/// <summary>What the model predicts for one image.</summary>");
        foreach (var target in spec.Targets)
        {
            var name = target.Name;
            switch (target)
            {
                case LabelTargetModel labels:
                    w.WriteLine($"/// <param name=\"{name}\">The most probable label of {name}.</param>");
                    w.WriteLine($"/// <param name=\"{GeneratedNames.Probabilities(name)}\">The probability of each label of {name}.</param>");
                    parameters.Add($"{labels.EnumType} {Id(name)}");
                    parameters.Add($"{TypeNames.LabelProbabilities}<{labels.EnumType}> {Id(GeneratedNames.Probabilities(name))}");
                    break;
                case BinaryTargetModel binary:
                    w.WriteLine($"/// <param name=\"{name}\">Whether {name} is true: its probability is at least {Literals.Number(binary.Threshold)}.</param>");
                    w.WriteLine($"/// <param name=\"{GeneratedNames.Probability(name)}\">The probability that {name} is true.</param>");
                    parameters.Add($"bool {Id(name)}");
                    parameters.Add($"float {Id(GeneratedNames.Probability(name))}");
                    break;
                case MultiLabelTargetModel multi:
                    w.WriteLine($"/// <param name=\"{name}\">The labels of {name} whose probability reaches their threshold.</param>");
                    w.WriteLine($"/// <param name=\"{GeneratedNames.Probabilities(name)}\">The probability of each label of {name}.</param>");
                    parameters.Add($"{multi.PropertyType} {Id(name)}");
                    parameters.Add($"{TypeNames.LabelProbabilities}<{multi.EnumType}> {Id(GeneratedNames.Probabilities(name))}");
                    break;
                case ScalarTargetModel scalar:
                    var unit = scalar.Unit is null ? "" : " in " + Literals.XmlText(scalar.Unit);
                    var where = scalar.Kind switch
                    {
                        ScalarKind.Range => $", within [{Literals.Number(scalar.Min)}, {Literals.Number(scalar.Max)}]",
                        ScalarKind.Periodic => $", within [{Literals.Number(scalar.Min)}, {Literals.Number(scalar.Max)})",
                        _ => "",
                    };
                    w.WriteLine($"/// <param name=\"{name}\">The predicted {name}{unit}{where}.</param>");
                    parameters.Add($"{(scalar.IsFloat ? "float" : "double")} {Id(name)}");
                    break;
                case VectorTargetModel vector:
                    var vectorUnit = vector.Unit is null ? "" : " in " + Literals.XmlText(vector.Unit);
                    w.WriteLine($"/// <param name=\"{name}\">The predicted {name}{vectorUnit}.</param>");
                    parameters.Add($"{vector.PropertyType} {Id(name)}");
                    break;
            }
        }
        w.WriteLine(GeneratedCode);
        w.WriteLine($"{spec.ExposedAccessibility} sealed record {GeneratedNames.Prediction}(");
        w.Indent();
        for (int i = 0; i < parameters.Count; i++)
            w.WriteLine(parameters[i] + (i < parameters.Count - 1 ? "," : ");"));
        w.Unindent();
    }

    private static (string Type, string What) EvaluationType(TargetModel target) => target switch
    {
        LabelTargetModel => (TypeNames.ClassificationEvaluation, "Classification"),
        BinaryTargetModel => (TypeNames.BinaryEvaluation, "Binary classification"),
        MultiLabelTargetModel => (TypeNames.MultiLabelEvaluation, "Multi-label classification"),
        ScalarTargetModel { Kind: ScalarKind.Periodic } => (TypeNames.PeriodicEvaluation, "Circular regression"),
        ScalarTargetModel => (TypeNames.RegressionEvaluation, "Regression"),
        VectorTargetModel { Box: not null } => (TypeNames.VectorEvaluation, "Box regression"),
        _ => (TypeNames.VectorEvaluation, "Vector regression"),
    };

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
            var (type, what) = EvaluationType(target);
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
