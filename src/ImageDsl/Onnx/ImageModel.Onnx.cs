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

    /// <summary>
    /// Writes the model as one model of a Triton Inference Server model repository:
    /// <c><paramref name="repository"/>/<paramref name="name"/>/1/model.onnx</c> (what
    /// <see cref="ExportOnnx"/> writes) and <c><paramref name="repository"/>/<paramref name="name"/>/config.pbtxt</c>
    /// (platform <c>onnxruntime_onnx</c>, <paramref name="maxBatchSize"/>, dynamic batching, and the
    /// input <c>image</c> and each target's output with their data types and dims, read from the graph).
    /// Other models already in the repository are left alone. See docs/serving.md.
    /// </summary>
    /// <param name="repository">The model repository folder (created if missing).</param>
    /// <param name="name">The model's name in Triton: a plain folder name.</param>
    /// <param name="maxBatchSize">Triton's <c>max_batch_size</c>.</param>
    /// <returns>The model's folder, <c>repository/name</c>.</returns>
    /// <exception cref="InvalidOperationException">The model was neither trained nor loaded (see <see cref="AllowUntrained"/>).</exception>
    public string ExportTritonRepository(string repository, string name, int maxBatchSize = 64)
    {
        using var lease = usage.Enter("be exported");
        RequireTrained("be exported");
        var model = OnnxExporter.Build(Spec, Normalization, Network, TargetStatistics, Calibration.IsEmpty ? null : Calibration);
        return TritonRepository.Write(repository, name, maxBatchSize, model);
    }
}
