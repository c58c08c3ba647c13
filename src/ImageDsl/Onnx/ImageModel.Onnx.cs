using ImageDsl.Onnx;

namespace ImageDsl.Modeling;

public abstract partial class ImageModel<TLabels, TPrediction>
{
    /// <summary>
    /// Writes the whole model — normalization, backbone, every head and each target's
    /// post-processing — as an ONNX file for ONNX Runtime or an inference server. Input
    /// <c>image</c>: float32 [N, C, H, W], pixel values 0..255; one output per target, named after
    /// it (<c>digit_probabilities</c>, <c>angle</c>), in user units (standardized targets are mapped
    /// back with <see cref="TargetStatistics"/>). Every backbone and target kind exports. The generated <c>OnnxPredictor</c> reads it back
    /// into typed predictions without TorchSharp. See docs/onnx.md.
    /// </summary>
    /// <param name="path">The .onnx file to write; replaced atomically if it exists.</param>
    /// <exception cref="InvalidOperationException">The model was neither trained nor loaded (see <see cref="AllowUntrained"/>).</exception>
    public void ExportOnnx(string path)
    {
        using var lease = usage.Enter("be exported");
        RequireTrained("be exported");
        OnnxExporter.Export(path, Spec, Normalization, Network, TargetStatistics, Calibration.IsEmpty ? null : Calibration);
    }
}
