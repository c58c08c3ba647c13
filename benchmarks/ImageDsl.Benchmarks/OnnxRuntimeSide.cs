using ImageDsl.Images;
using Microsoft.ML.OnnxRuntime;
using SixLabors.ImageSharp;

namespace ImageDsl.Benchmarks;

/// <summary>
/// Batch-1 latency of the model's own ONNX export (<c>ExportOnnx</c>, which holds the normalization
/// and the softmax) in an ONNX Runtime session with the benchmark's thread count: the image decoded
/// as <c>OnnxImagePredictor</c> decodes it, the session run, the probabilities read. Only with
/// <c>--onnx</c>; the export is made at the first call, after the model has trained.
/// </summary>
internal sealed class OnnxRuntimeSide(BenchmarkModel model, Image image, string directory, int threads) : IDisposable
{
    private InferenceSession? session;

    public Timing Latency(int repetitions)
    {
        var run = session ??= Open();
        var input = model.Spec.Input;
        return Timing.Median(Enumerable.Range(0, repetitions).Select(_ => Timing.Measure(1, () =>
        {
            var bytes = ImageLoader.Decode(image, input);
            var pixels = new float[bytes.Length];
            for (int i = 0; i < bytes.Length; i++) pixels[i] = bytes[i];
            using var tensor = OrtValue.CreateTensorValueFromMemory(pixels, [1, input.Channels, input.Height, input.Width]);
            using var options = new RunOptions();
            using var results = run.Run(options, [run.InputMetadata.Keys.Single()], [tensor], run.OutputMetadata.Keys.ToArray());
            results[0].GetTensorDataAsSpan<float>().ToArray();
        })).ToArray());
    }

    private InferenceSession Open()
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "model.onnx");
        model.ExportOnnx(path);
        using var options = new SessionOptions
        {
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        return new InferenceSession(path, options);
    }

    public void Dispose() => session?.Dispose();
}
