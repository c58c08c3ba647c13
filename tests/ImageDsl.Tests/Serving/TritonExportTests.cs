using System.Text.RegularExpressions;
using ImageDsl.Tests.EndToEnd;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace ImageDsl.Tests.Serving;

/// <summary>ExportTritonRepository: the layout Triton expects, and a config that agrees with the exported graph.</summary>
public sealed class TritonExportTests
{
    private sealed record Tensor(string Name, string DataType, long[] Dims);

    /// <summary>Reads the parts of config.pbtxt Triton checks against the model: a small parser for the text this format uses.</summary>
    private static (string Name, string Platform, int MaxBatch, List<Tensor> Inputs, List<Tensor> Outputs) Parse(string text)
    {
        string Scalar(string key) => Regex.Match(text, $@"^{key}:\s*""?([^""\n]+)""?\s*$", RegexOptions.Multiline) is { Success: true } m ? m.Groups[1].Value
            : throw new Xunit.Sdk.XunitException($"config has no {key}:\n{text}");
        List<Tensor> Section(string name)
        {
            var body = Regex.Match(text, $@"^{name} \[(.*?)^\]", RegexOptions.Multiline | RegexOptions.Singleline).Groups[1].Value;
            return Regex.Matches(body, @"\{(.*?)\}", RegexOptions.Singleline).Select(block =>
            {
                var b = block.Groups[1].Value;
                return new Tensor(Regex.Match(b, @"name:\s*""([^""]+)""").Groups[1].Value,
                    Regex.Match(b, @"data_type:\s*(\w+)").Groups[1].Value,
                    Regex.Match(b, @"dims:\s*\[([^\]]*)\]").Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToArray());
            }).ToList();
        }
        return (Scalar("name"), Scalar("platform"), int.Parse(Scalar("max_batch_size")), Section("input"), Section("output"));
    }

    private static string TritonType(TensorElementType type) => type switch
    {
        TensorElementType.Float => "TYPE_FP32",
        TensorElementType.Int64 => "TYPE_INT64",
        _ => "unexpected " + type,
    };

    private static void AssertAgrees(string folder, string name, int maxBatch)
    {
        Assert.Equal(Path.Combine("repo", name), Path.GetRelativePath(Path.GetDirectoryName(Path.GetDirectoryName(folder))!, folder));
        var config = Parse(File.ReadAllText(Path.Combine(folder, "config.pbtxt")));
        Assert.Equal(name, config.Name);
        Assert.Equal("onnxruntime_onnx", config.Platform);
        Assert.Equal(maxBatch, config.MaxBatch);

        using var session = new InferenceSession(Path.Combine(folder, "1", "model.onnx"));
        void Same(IReadOnlyDictionary<string, NodeMetadata> graph, List<Tensor> declared)
        {
            Assert.Equal(graph.Keys.Order(), declared.Select(t => t.Name).Order());
            foreach (var tensor in declared)
            {
                var meta = graph[tensor.Name];
                Assert.Equal(TritonType(meta.ElementDataType), tensor.DataType);
                Assert.Equal(-1, meta.Dimensions[0]); // the batch, which Triton's dims leave out
                Assert.Equal(meta.Dimensions.Skip(1).Select(d => (long)d), tensor.Dims);
            }
        }
        Same(session.InputMetadata, config.Inputs);
        Same(session.OutputMetadata, config.Outputs);
    }

    [Fact]
    public void The_config_names_the_graphs_inputs_and_outputs_with_their_types_and_dims()
    {
        using var temp = new TemporaryDirectory();
        using var digits = SampleDigits.Model.Create(seed: 1);
        digits.AllowUntrained = true;
        using var rotation = SampleRotation.Model.Create(seed: 2);
        rotation.AllowUntrained = true;
        var repository = temp.File("repo");

        var digitsFolder = digits.ExportTritonRepository(repository, "digits", maxBatchSize: 32);
        var rotationFolder = rotation.ExportTritonRepository(repository, "rotation");

        AssertAgrees(digitsFolder, "digits", 32);
        AssertAgrees(rotationFolder, "rotation", 64);
        var config = Parse(File.ReadAllText(Path.Combine(digitsFolder, "config.pbtxt")));
        var input = config.Inputs.Single();
        Assert.Equal(("image", "TYPE_FP32"), (input.Name, input.DataType));
        Assert.Equal([1L, 28, 28], input.Dims);
        Assert.Equal([10L], config.Outputs.Single().Dims);
        // The model file is the ONNX export itself: the typed ONNX predictor opens it.
        using var predictor = SampleDigits.OnnxPredictor.Load(Path.Combine(digitsFolder, "1", "model.onnx"));
        Assert.Equal(10, predictor.Predict(RepositoryPaths.BundledData("digits", "test", "3", Directory.GetFiles(RepositoryPaths.BundledData("digits", "test", "3"))[0])).DigitProbabilities.Count);
    }

    [Fact]
    public void Names_that_are_not_one_folder_are_refused()
    {
        using var temp = new TemporaryDirectory();
        using var digits = SampleDigits.Model.Create();
        digits.AllowUntrained = true;
        foreach (var bad in new[] { "a/b", "..", "two words", "" })
            Assert.Throws<ArgumentException>(() => digits.ExportTritonRepository(temp.Path, bad));
        Assert.Throws<ArgumentOutOfRangeException>(() => digits.ExportTritonRepository(temp.Path, "digits", maxBatchSize: 0));
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }
}
