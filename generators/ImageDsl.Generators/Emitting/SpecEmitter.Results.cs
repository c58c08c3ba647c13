using System.Collections.Generic;
using System.Linq;
using ImageDsl.Generators.Model;

namespace ImageDsl.Generators.Emitting;

internal static partial class SpecEmitter
{
    /// <summary>
    /// The typed prediction: per target its value in the property's own type, plus what its kind
    /// adds (probabilities, scores, an expected rank); and the one place it is built from decoded
    /// outputs, which the model and the ONNX predictor both call.
    /// </summary>
    private static void WritePrediction(SourceWriter w, SpecModel spec)
    {
        var parameters = spec.Targets.SelectMany(t => t.PredictionParameters()).ToList();
        w.WriteLine("/// <summary>What the model predicts for one image.</summary>");
        foreach (var (name, doc, _) in parameters) w.WriteLine($"/// <param name=\"{name}\">{doc}</param>");
        w.WriteLine(GeneratedCode);
        w.WriteLine($"{spec.ExposedAccessibility} sealed record {GeneratedNames.Prediction}(");
        w.Indent();
        for (int i = 0; i < parameters.Count; i++)
            w.WriteLine(parameters[i].Declaration + (i < parameters.Count - 1 ? "," : ")"));
        w.Unindent();
        w.OpenBlock();
        var arguments = spec.Targets.SelectMany((t, i) => t.PredictionArguments(i)).ToList();
        w.WriteLine("/// <summary>The typed prediction of one image from its decoded outputs.</summary>");
        w.WriteLine($"internal static {GeneratedNames.Prediction} From({TypeNames.PredictionOutputs} outputs) => new {GeneratedNames.Prediction}(");
        w.Indent();
        for (int i = 0; i < arguments.Count; i++)
            w.WriteLine(arguments[i] + (i < arguments.Count - 1 ? "," : ");"));
        w.Unindent();
        w.CloseBlock();
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
            var (type, what) = target.Evaluation;
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
