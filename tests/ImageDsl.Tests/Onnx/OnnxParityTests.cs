using ImageDsl.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace ImageDsl.Tests.Onnx;

/// <summary>ONNX Runtime, running the exported graph, against TorchSharp, on the same images.</summary>
[Collection(OnnxFixture.Collection)]
public sealed class OnnxParityTests(OnnxFixture fixture, Xunit.Abstractions.ITestOutputHelper log)
{
    private const double Tolerance = OnnxMatrix.Tolerance;

    public static TheoryData<string> Specs => ["labels", "range", "mixed", "locator", "every-kind"];

    [Theory]
    [MemberData(nameof(Specs))]
    public void Onnx_runtime_outputs_match_TorchSharp(string name)
    {
        var model = fixture.Models.Single(m => m.Name == name).Model;
        var images = OnnxSamples.Decode(model.Spec.Input, fixture.Images);
        var expected = model.TorchOutputs(images, fixture.Images.Count);

        var actual = OnnxMatrix.Onnx(fixture.Onnx(name), model.Spec, images, fixture.Images.Count);

        var largest = OnnxMatrix.Differences(model.Spec, expected, actual);
        log.WriteLine($"{name}: largest difference per target: " +
            string.Join(", ", model.Spec.Targets.Select((t, i) => $"{t.Name} {largest[i]:E2}")) + "; first image: " +
            string.Join(" | ", expected.Select(v => string.Join(" ", v[0].Select(x => x.ToString("F4"))))));
        for (int t = 0; t < largest.Length; t++)
            Assert.True(largest[t] <= Tolerance, $"{name}, target {model.Spec.Targets[t].Name}: ONNX Runtime differs from TorchSharp by up to {largest[t]:E2}");
    }

    /// <summary>Runs the exported file in ONNX Runtime with float pixels 0..255; returns each target's output, flattened.</summary>
    internal static float[][] RunOnnx(string path, Specs.ModelSpec spec, byte[] images, int count)
    {
        using var session = new InferenceSession(path);
        var input = spec.Input;
        using var value = OrtValue.CreateTensorValueFromMemory(images.Select(b => (float)b).ToArray(), [count, input.Channels, input.Height, input.Width]);
        var outputs = OnnxTargets.OutputNames(spec);
        using var results = session.Run(new RunOptions(), [OnnxExporter.InputName], [value], outputs);
        return results.Select(r => r.GetTensorDataAsSpan<float>().ToArray()).ToArray();
    }
}
