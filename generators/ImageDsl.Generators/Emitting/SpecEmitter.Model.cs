using System.Collections.Generic;
using System.Linq;
using ImageDsl.Generators.Model;

namespace ImageDsl.Generators.Emitting;

internal static partial class SpecEmitter
{
    /// <summary>The trainable model: the spec-specific overrides of <c>ImageModel</c>.</summary>
    private static void WriteModel(SourceWriter w, SpecModel spec)
    {
        w.WriteLine($"/// <summary>A trainable {spec.Name} model: train, evaluate, predict, save and load.</summary>");
        w.WriteLine(GeneratedCode);
        w.WriteLine($"{spec.ExposedAccessibility} sealed class {GeneratedNames.Model} : {TypeNames.ImageModel}<{spec.FullyQualifiedName}, {GeneratedNames.Prediction}>");
        w.OpenBlock();
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
            /// <param name="data">A dataset of this spec, such as one from <see cref="{{GeneratedNames.LoadDataset}}(string)"/>.</param>
            /// <param name="testTimeAugmentation">Score predictions averaged over moved copies of each image; null scores the images alone.</param>
            public {{GeneratedNames.Evaluation}} Evaluate({{TypeNames.ImageDataset}} data, {{TypeNames.TestTimeAugmentation}}? testTimeAugmentation = null) => new {{GeneratedNames.Evaluation}}(EvaluateCore(data, testTimeAugmentation));
            """);
        WriteCreatePrediction(w);
        WriteEncode(w, spec);
        w.CloseBlock();
    }

    private static void WriteCreatePrediction(SourceWriter w)
    {
        w.WriteLine();
        w.WriteLine("/// <inheritdoc />");
        w.WriteLine($"protected override {GeneratedNames.Prediction} CreatePrediction({TypeNames.PredictionOutputs} outputs) => {GeneratedNames.Prediction}.From(outputs);");
    }

    private static void WriteEncode(SourceWriter w, SpecModel spec)
    {
        w.WriteLine();
        w.WriteLine("/// <inheritdoc />");
        w.WriteLine($"protected override void Encode({spec.FullyQualifiedName} labels, {TypeNames.Span}<float> encoded) => {GeneratedNames.Binding}.Instance.Encode(labels, encoded);");
    }
}
