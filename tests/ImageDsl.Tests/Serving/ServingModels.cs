using ImageDsl.Tests.EndToEnd;

namespace ImageDsl.Tests.Serving;

/// <summary>
/// A digit model on its seeded initial weights (<c>AllowUntrained</c>), its ONNX export, and a few
/// bundled images: what serving does with predictions does not depend on the weights being good,
/// and building these takes a second, not a training run.
/// </summary>
public sealed class ServingModels : IDisposable
{
    private readonly TemporaryDirectory folder = new();

    public ServingModels()
    {
        Model = SampleDigits.Model.Create(seed: 11);
        Model.AllowUntrained = true;
        OnnxPath = folder.File("digits.onnx");
        Model.ExportOnnx(OnnxPath);
        Onnx = SampleDigits.OnnxPredictor.Load(OnnxPath);
        Images = Directory.GetDirectories(RepositoryPaths.BundledData("digits", "test")).Order(StringComparer.Ordinal)
            .SelectMany(d => Directory.GetFiles(d).Order(StringComparer.Ordinal).Take(2)).ToList();
    }

    public SampleDigits.Model Model { get; }

    public SampleDigits.OnnxPredictor Onnx { get; }

    public string OnnxPath { get; }

    /// <summary>Two bundled images of each digit.</summary>
    public IReadOnlyList<string> Images { get; }

    public string Folder => folder.Path;

    public void Dispose()
    {
        Onnx.Dispose();
        Model.Dispose();
        folder.Dispose();
    }
}

internal static class Probabilities
{
    /// <summary>Asserts two digit predictions agree: same label, probabilities within float noise of batching.</summary>
    public static void AssertSame(SampleDigits.Prediction expected, SampleDigits.Prediction actual, float tolerance = 1e-4f)
    {
        Assert.Equal(expected.Digit, actual.Digit);
        foreach (var (label, p) in expected.DigitProbabilities)
            Assert.True(Math.Abs(p - actual.DigitProbabilities[label]) <= tolerance, $"{label}: {p} vs {actual.DigitProbabilities[label]}");
    }
}
