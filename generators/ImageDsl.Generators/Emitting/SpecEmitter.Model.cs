using System.Collections.Generic;
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
        w.WriteLine($"{spec.ExposedAccessibility} sealed class {GeneratedNames.Model} : {TypeNames.ImageModel}<{spec.FullyQualifiedName}, {GeneratedNames.Prediction}>");
        w.OpenBlock();
        for (int i = 0; i < losses.Count; i++)
            w.WriteLine($"private static readonly {TypeNames.TargetLoss} {losses[i]} = {TypeNames.TargetLoss}.For({SpecProperty(spec)}, {Literals.Int(i)});");
        w.WriteLines($$"""

            private {{GeneratedNames.Model}}() : base({{SpecProperty(spec)}}, new {{GeneratedNames.Network}}(), {{spec.FullyQualifiedName}}.{{GeneratedNames.Augmentation}}) { }

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
            w.WriteLine($"{(i == 0 ? "=> " : "+ ")}{losses[i]}.Compute(outputs[{Literals.Int(i)}], targets, TargetStatistics){(i == losses.Count - 1 ? ";" : "")}");
        w.Unindent();

        WriteCreatePrediction(w, spec);
        WriteEncode(w, spec);
        w.CloseBlock();
    }

    private static void WriteCreatePrediction(SourceWriter w, SpecModel spec)
    {
        var arguments = new List<string>();
        for (int i = 0; i < spec.Targets.Count; i++)
        {
            var index = Literals.Int(i);
            var target = spec.Targets[i];
            var name = Id(target.Name);
            switch (target)
            {
                case LabelTargetModel labels:
                    arguments.Add($"{name}: {GeneratedNames.LabelArray(labels.Name)}[outputs.LabelIndex({index})]");
                    arguments.Add($"{Id(GeneratedNames.Probabilities(labels.Name))}: new {TypeNames.LabelProbabilities}<{labels.EnumType}>({GeneratedNames.LabelArray(labels.Name)}, outputs.Probabilities({index}))");
                    break;
                case BinaryTargetModel binary:
                    arguments.Add($"{name}: outputs.IsPositive({index})");
                    arguments.Add($"{Id(GeneratedNames.Probability(binary.Name))}: outputs.Probability({index})");
                    break;
                case MultiLabelTargetModel multi:
                    arguments.Add($"{name}: {GeneratedNames.Binding}.{FromPresent(i)}(outputs.Present({index}))");
                    arguments.Add($"{Id(GeneratedNames.Probabilities(multi.Name))}: new {TypeNames.LabelProbabilities}<{multi.EnumType}>({GeneratedNames.LabelArray(multi.Name)}, outputs.Probabilities({index}))");
                    break;
                case ScalarTargetModel scalar:
                    arguments.Add($"{name}: {(scalar.IsFloat ? "(float)" : "")}outputs.Value({index})");
                    break;
                case VectorTargetModel vector:
                    arguments.Add($"{name}: {GeneratedNames.Binding}.{FromValues(i)}(outputs.Values({index}))");
                    break;
            }
        }

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
        w.WriteLine($"protected override void Encode({spec.FullyQualifiedName} labels, {TypeNames.Span}<float> encoded) => {GeneratedNames.Binding}.Instance.Encode(labels, encoded);");
    }
}
