using System.Globalization;
using System.Text;
using Google.Protobuf;
using ImageDsl.Modeling;
using ImageDsl.Onnx.Protobuf;

namespace ImageDsl.Onnx;

/// <summary>
/// Writes an exported model as one model of a Triton Inference Server repository:
/// <c>&lt;name&gt;/1/model.onnx</c> and <c>&lt;name&gt;/config.pbtxt</c> (platform
/// <c>onnxruntime_onnx</c>), whose inputs and outputs are read from the ONNX graph itself, so the
/// two cannot disagree. See docs/serving.md.
/// </summary>
public static class TritonRepository
{
    /// <summary>The file name of the config.</summary>
    public const string ConfigFile = "config.pbtxt";

    /// <summary>Writes the model folder <paramref name="name"/> under <paramref name="repository"/>; returns the folder.</summary>
    internal static string Write(string repository, string name, int maxBatchSize, ModelProto model)
    {
        ArgumentException.ThrowIfNullOrEmpty(repository);
        CheckName(name);
        if (maxBatchSize < 1) throw new ArgumentOutOfRangeException(nameof(maxBatchSize), maxBatchSize, "Triton's max_batch_size must be at least 1 (the exported graph has a batch dimension).");
        var folder = Path.Combine(repository, name);
        Directory.CreateDirectory(Path.Combine(folder, "1"));
        AtomicFile.Write(Path.Combine(folder, "1", "model.onnx"), stream => model.WriteTo(stream));
        var config = Config(name, maxBatchSize, model.Graph);
        AtomicFile.Write(Path.Combine(folder, ConfigFile), stream => stream.Write(Encoding.UTF8.GetBytes(config)));
        return folder;
    }

    private static void CheckName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        // Triton takes the model's name from its folder; anything that is not one plain folder name breaks the layout.
        if (name is "." or ".." || name.IndexOfAny(['/', '\\', '"', ' ']) >= 0 || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            throw new ArgumentException($"Triton model name '{name}' must be a plain folder name (no slashes, quotes or spaces).", nameof(name));
    }

    /// <summary>The config.pbtxt text: the graph's inputs and outputs without their batch dimension.</summary>
    internal static string Config(string name, int maxBatchSize, GraphProto graph)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"name: \"{name}\"\n");
        text.Append("platform: \"onnxruntime_onnx\"\n");
        text.Append(CultureInfo.InvariantCulture, $"max_batch_size: {maxBatchSize}\n");
        Tensors(text, "input", graph.Input);
        Tensors(text, "output", graph.Output);
        // Triton gathers concurrent requests into batches up to max_batch_size.
        text.Append("dynamic_batching { }\n");
        return text.ToString();
    }

    private static void Tensors(StringBuilder text, string section, IEnumerable<ValueInfoProto> values)
    {
        var list = values.ToList();
        text.Append(section).Append(" [\n");
        for (int i = 0; i < list.Count; i++)
        {
            var value = list[i];
            var tensor = value.Type.TensorType;
            var dims = tensor.Shape.Dim.ToList();
            if (dims.Count == 0 || dims[0].ValueCase != TensorShapeProto.Types.Dimension.ValueOneofCase.DimParam)
                throw new InvalidOperationException($"Triton export: {section} {value.Name} has no batch dimension first.");
            var rest = dims.Skip(1).Select(d => d.ValueCase == TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue ? d.DimValue : -1);
            text.Append("  {\n");
            text.Append(CultureInfo.InvariantCulture, $"    name: \"{value.Name}\"\n");
            text.Append(CultureInfo.InvariantCulture, $"    data_type: {DataType(tensor.ElemType, value.Name)}\n");
            text.Append(CultureInfo.InvariantCulture, $"    dims: [ {string.Join(", ", rest)} ]\n");
            text.Append(i == list.Count - 1 ? "  }\n" : "  },\n");
        }
        text.Append("]\n");
    }

    private static string DataType(int onnxType, string value) => (TensorProto.Types.DataType)onnxType switch
    {
        TensorProto.Types.DataType.Float => "TYPE_FP32",
        TensorProto.Types.DataType.Double => "TYPE_FP64",
        TensorProto.Types.DataType.Float16 => "TYPE_FP16",
        TensorProto.Types.DataType.Uint8 => "TYPE_UINT8",
        TensorProto.Types.DataType.Int8 => "TYPE_INT8",
        TensorProto.Types.DataType.Int32 => "TYPE_INT32",
        TensorProto.Types.DataType.Int64 => "TYPE_INT64",
        TensorProto.Types.DataType.Bool => "TYPE_BOOL",
        var other => throw new NotSupportedException($"Triton export: {value} has ONNX type {other}, which has no Triton data type here."),
    };
}
