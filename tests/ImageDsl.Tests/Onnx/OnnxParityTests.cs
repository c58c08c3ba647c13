using ImageDsl.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace ImageDsl.Tests.Onnx;

/// <summary>ONNX Runtime, running the exported graph, against TorchSharp, on the same images.</summary>
[Collection(OnnxFixture.Collection)]
public sealed class OnnxParityTests(OnnxFixture fixture, Xunit.Abstractions.ITestOutputHelper log)
{
    private const float Tolerance = 1e-4f;

    public static TheoryData<string> Specs => ["labels", "range", "mixed"];

    [Theory]
    [MemberData(nameof(Specs))]
    public void Onnx_runtime_outputs_match_TorchSharp(string name)
    {
        var model = fixture.Models.Single(m => m.Name == name).Model;
        var images = OnnxSamples.Decode(model.Spec.Input, fixture.Images);
        var expected = model.TorchOutputs(images, fixture.Images.Count);

        var actual = RunOnnx(fixture.Onnx(name), model.Spec, images, fixture.Images.Count);

        double largest = 0;
        for (int i = 0; i < fixture.Images.Count; i++)
            for (int t = 0; t < model.Spec.Targets.Count; t++)
            {
                Assert.Equal(expected[i][t].Length, actual[t].Length / fixture.Images.Count);
                for (int k = 0; k < expected[i][t].Length; k++)
                {
                    var onnx = actual[t][i * expected[i][t].Length + k];
                    largest = Math.Max(largest, Math.Abs(onnx - expected[i][t][k]));
                    Assert.True(Math.Abs(onnx - expected[i][t][k]) <= Tolerance,
                        $"{name}, image {i}, target {model.Spec.Targets[t].Name}, output {k}: ONNX Runtime {onnx}, TorchSharp {expected[i][t][k]}");
                }
            }
        log.WriteLine($"{name}: largest difference {largest:G3}; first image: " +
            string.Join(" | ", expected[0].Select(v => string.Join(" ", v.Select(x => x.ToString("F4"))))));
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
