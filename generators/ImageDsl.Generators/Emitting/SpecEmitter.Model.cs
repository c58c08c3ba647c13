using System.Linq;
using ImageDsl.Generators.Model;

namespace ImageDsl.Generators.Emitting;

internal static partial class SpecEmitter
{
    /// <summary>The trainable model: the spec-specific overrides of <c>ImageModel</c>.</summary>
    private static void WriteModel(SourceWriter w, SpecModel spec)
    {
        var losses = GeneratedNames.LossFields(spec.Targets.Select(t => t.Name).ToList());
        w.WriteLine($"/// <summary>A trainable {spec.Name} model: train, evaluate, predict, save and load.</summary>");
        w.WriteLine(GeneratedCode);
        w.WriteLine($"public sealed class {GeneratedNames.Model} : {TypeNames.ImageModel}<{spec.FullyQualifiedName}, {GeneratedNames.Prediction}>");
        w.OpenBlock();
        for (int i = 0; i < losses.Count; i++)
            w.WriteLine($"private static readonly {TypeNames.TargetLoss} {losses[i]} = {TypeNames.TargetLoss}.For({SpecProperty(spec)}, {Literals.Int(i)});");
        w.WriteLines($$"""

            private {{GeneratedNames.Model}}() : base({{SpecProperty(spec)}}, new {{GeneratedNames.Network}}()) { }

            /// <summary>Creates an untrained model; the same seed gives the same initial weights.</summary>
            /// <param name="seed">Seeds the random initial weights.</param>
            public static {{GeneratedNames.Model}} Create(int seed = 0)
            {
                SeedInitialization(seed);
                return new {{GeneratedNames.Model}}();
            }

            /// <summary>Loads a model saved by Save; refuses a file saved for a different spec, saying what differs.</summary>
            /// <param name="path">The model file.</param>
            public static {{GeneratedNames.Model}} Load(string path)
            {
                var model = new {{GeneratedNames.Model}}();
                try { model.LoadWeights(path); return model; }
                catch { model.Dispose(); throw; }
            }

            /// <summary>Scores the model on <paramref name="data"/>.</summary>
            /// <param name="data">A dataset of this spec, such as one from <see cref="{{GeneratedNames.LoadDataset}}"/>.</param>
            public {{GeneratedNames.Evaluation}} Evaluate({{TypeNames.ImageDataset}} data) => new {{GeneratedNames.Evaluation}}(EvaluateCore(data));

            /// <inheritdoc />
            protected override {{TypeNames.Tensor}} ComputeLoss({{TypeNames.Tensor}}[] outputs, {{TypeNames.Tensor}} targets)
            """);
        w.Indent();
        for (int i = 0; i < losses.Count; i++)
            w.WriteLine($"{(i == 0 ? "=> " : "+ ")}{losses[i]}.Compute(outputs[{Literals.Int(i)}], targets){(i == losses.Count - 1 ? ";" : "")}");
        w.Unindent();

        WriteCreatePrediction(w, spec);
        WriteEncode(w, spec);
        w.CloseBlock();
    }

    private static void WriteCreatePrediction(SourceWriter w, SpecModel spec)
    {
        var arguments = spec.Targets.SelectMany((target, i) => target switch
        {
            LabelTargetModel labels => new[]
            {
                $"{Id(labels.Name)}: {GeneratedNames.LabelArray(labels.Name)}[outputs.LabelIndex({Literals.Int(i)})]",
                $"{Id(GeneratedNames.Probabilities(labels.Name))}: new {TypeNames.LabelProbabilities}<{labels.EnumType}>({GeneratedNames.LabelArray(labels.Name)}, outputs.Probabilities({Literals.Int(i)}))",
            },
            RangeTargetModel range => new[] { $"{Id(range.Name)}: {(range.IsFloat ? "(float)" : "")}outputs.Value({Literals.Int(i)})" },
            _ => new string[0],
        }).ToList();

        w.WriteLine();
        w.WriteLine("/// <inheritdoc />");
        w.WriteLine($"protected override {GeneratedNames.Prediction} CreatePrediction({TypeNames.PredictionOutputs} outputs) => new {GeneratedNames.Prediction}(");
        w.Indent();
        for (int i = 0; i < arguments.Count; i++)
            w.WriteLine(arguments[i] + (i < arguments.Count - 1 ? "," : ");"));
        w.Unindent();
    }

    private static void WriteEncode(SourceWriter w, SpecModel spec)
    {
        w.WriteLine();
        w.WriteLine("/// <inheritdoc />");
        w.WriteLine($"protected override void Encode({spec.FullyQualifiedName} labels, {TypeNames.Span}<float> encoded)");
        w.OpenBlock();
        for (int i = 0; i < spec.Targets.Count; i++)
        {
            var target = spec.Targets[i];
            var value = $"labels.{Id(target.Name)}";
            if (target is not LabelTargetModel labels)
            {
                w.WriteLine($"encoded[{Literals.Int(i)}] = (float){value};");
                continue;
            }
            w.WriteLine($"encoded[{Literals.Int(i)}] = {value} switch");
            w.OpenBlock();
            for (int j = 0; j < labels.Labels.Count; j++)
                w.WriteLine($"{labels.EnumType}.{Id(labels.Labels[j].Name)} => {Literals.Int(j)},");
            w.WriteLine($"_ => throw new {TypeNames.ArgumentOutOfRangeException}(nameof(labels), {value}, {Literals.String($"Not a label of {labels.Name}.")}),");
            w.CloseBlock(";");
        }
        w.CloseBlock();
    }
}
