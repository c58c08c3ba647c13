using ImageDsl.Generators.Model;

namespace ImageDsl.Generators.Emitting;

internal static partial class SpecEmitter
{
    /// <summary>
    /// The ONNX predictor: a model exported with <c>ExportOnnx</c>, run by ONNX Runtime instead of
    /// TorchSharp, returning the same <c>Prediction</c>, built by the same <c>CreatePrediction</c>.
    /// </summary>
    private static void WriteOnnxPredictor(SourceWriter w, SpecModel spec)
    {
        var name = GeneratedNames.OnnxPredictor;
        w.WriteLines($$"""
            /// <summary>Predicts with a {{spec.Name}} model exported by ExportOnnx, in ONNX Runtime and without TorchSharp: the same typed predictions as <see cref="{{GeneratedNames.Model}}"/>.</summary>
            {{GeneratedCode}}
            {{spec.ExposedAccessibility}} sealed class {{name}} : {{TypeNames.OnnxImagePredictor}}<{{GeneratedNames.Prediction}}>
            {
                private {{name}}(string path) : base({{SpecProperty(spec)}}, path) { }

                /// <summary>Opens an .onnx file written by ExportOnnx; refuses one exported for a different spec, saying what differs.</summary>
                /// <param name="path">The .onnx file.</param>
                public static {{name}} Load(string path) => new {{name}}(path);
            """);
        w.Indent();
        WriteCreatePrediction(w);
        w.Unindent();
        w.WriteLine("}");
    }
}
