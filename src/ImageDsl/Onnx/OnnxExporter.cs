using System.Globalization;
using Google.Protobuf;
using ImageDsl.Calibration;
using ImageDsl.Data;
using ImageDsl.Modeling;
using ImageDsl.Networks;
using ImageDsl.Onnx.Protobuf;
using ImageDsl.Specs;
using static TorchSharp.torch;

namespace ImageDsl.Onnx;

/// <summary>
/// Writes a model as an ONNX file that runs without .NET or TorchSharp (ONNX Runtime, inference
/// servers). TorchSharp has no ONNX exporter; this one writes the graph from what the spec says
/// the network is, walking its modules through <see cref="OnnxModules"/> and each target's
/// post-processing through <see cref="OnnxTargets"/>. See docs/onnx.md.
/// </summary>
/// <remarks>
/// The graph takes <see cref="InputName"/>: float32 <c>[batch, channels, height, width]</c>, pixel
/// values 0..255 of images already converted to the spec's size and channels (RGB order); the
/// model's normalization is the graph's first two nodes. It returns one output per target, named
/// by <see cref="OnnxTargets.OutputNames"/>: label probabilities, or values in user units.
/// </remarks>
public static class OnnxExporter
{
    /// <summary>ONNX IR version 8: read by ONNX Runtime 1.14 and later.</summary>
    public const long IrVersion = 8;

    /// <summary>The ONNX operator set, 17: every operator used has had its current form since.</summary>
    public const long OpsetVersion = 17;

    /// <summary>The graph input's name.</summary>
    public const string InputName = "image";

    /// <summary>Writes the ONNX model atomically (beside, then renamed over, <paramref name="path"/>).</summary>
    /// <param name="path">The .onnx file to write.</param>
    /// <param name="spec">The spec the network was built for.</param>
    /// <param name="normalization">The pixel normalization the network was trained with.</param>
    /// <param name="network">The network: a backbone, then one head per target, as generated.</param>
    /// <param name="statistics">
    /// The training set's target statistics (<c>model.TargetStatistics</c>), which map standardized
    /// targets (unbounded values and vectors) back to user units; export fails, naming the target,
    /// when a spec has such a target and none are given.
    /// </param>
    /// <param name="calibration">
    /// What the model calibrated (<c>model.Calibration</c>): a target's temperatures divide its head's
    /// output before its softmax or sigmoid, as <c>Predict</c> does.
    /// </param>
    public static void Export(string path, ModelSpec spec, Normalization normalization, nn.Module network, TargetStatistics? statistics = null,
        ModelCalibration? calibration = null)
    {
        var model = Build(spec, normalization, network, statistics, calibration);
        AtomicFile.Write(path, stream => model.WriteTo(stream));
    }

    internal static ModelProto Build(ModelSpec spec, Normalization normalization, nn.Module network, TargetStatistics? statistics = null,
        ModelCalibration? calibration = null)
    {
        if (statistics is not null && (statistics.Mean.Length != spec.EncodedWidth || statistics.Std.Length != spec.EncodedWidth))
            throw new ArgumentException($"ONNX export: the target statistics have {statistics.Mean.Length} columns; {spec.Name} encodes {spec.EncodedWidth}.", nameof(statistics));
        var (backbone, heads) = Parts(spec, network);
        var outputs = OnnxTargets.OutputNames(spec);
        var graph = new OnnxGraphBuilder(spec.Name);
        graph.Reserve(InputName);
        foreach (var output in outputs) graph.Reserve(output);

        var input = spec.Input;
        graph.Input(InputName, TensorProto.Types.DataType.Float, [OnnxGraphBuilder.BatchDimension, input.Channels, input.Height, input.Width],
            $"{input.Width}x{input.Height} images with {input.Channels} channel(s) ({(input.Channels == 1 ? "grayscale" : "RGB")}), float32 pixel values 0..255, NCHW.");
        var x = Normalize(graph, normalization);
        // Dense targets' decoders read the backbone's maps, the other heads its features: each is written once, when needed.
        string? features = null;
        string[]? maps = null;
        for (int t = 0; t < spec.Targets.Count; t++)
        {
            string head;
            if (heads[t].Module is UNetDecoder decoder)
            {
                maps ??= OnnxDense.Maps(graph, BackboneModule.Find(backbone.Module)
                    ?? throw new NotSupportedException($"ONNX export of {spec.Name}: its dense targets need a backbone that gives feature maps."), x, backbone.Name + "/maps");
                using (graph.Scoped(heads[t].Name)) head = decoder.ExportOnnx(graph, maps);
            }
            else
            {
                features ??= graph.Emit(backbone.Module, x, backbone.Name);
                head = graph.Emit(heads[t].Module, features, heads[t].Name);
            }
            if (calibration?.Temperatures(t) is { } temperatures)
                using (graph.Scoped(heads[t].Name + "/calibrate"))
                    head = graph.Node("Div", [head, graph.Constant("temperature", temperatures, 1, temperatures.Length)], graph.ShapeOf(head));
            var context = new OnnxTargetContext(spec, t, statistics);
            string value;
            using (graph.Scoped(heads[t].Name + "/decode")) value = OnnxTargets.Map(graph, context, head);
            graph.Output(outputs[t], value, spec.Targets[t].DescribeOutput());
        }

        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "ImageDsl",
            ProducerVersion = typeof(OnnxExporter).Assembly.GetName().Version?.ToString(3) ?? "",
            Domain = "imagedsl",
            ModelVersion = 1,
            DocString = $"{spec.Name}: {string.Join("; ", spec.Targets.Select(t => t.Describe()))}. Exported by ImageDsl.",
            Graph = graph.Build(),
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = OpsetVersion });
        foreach (var (key, value) in OnnxMetadata.For(spec, normalization, outputs))
            model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        model.MetadataProps.Add(new StringStringEntryProto { Key = OnnxMetadata.ChecksumKey, Value = OnnxMetadata.Checksum(model) });
        return model;
    }

    /// <summary>
    /// The backbone and each target's head, found by name: a <see cref="SpecNetwork"/> (every
    /// generated network) says its head names; any other network must have a child named
    /// <c>backbone</c> and one per target named after it (ignoring case and underscores:
    /// <c>rotationAngle</c> or <c>rotation_angle</c> for <c>RotationAngle</c>).
    /// </summary>
    private static ((string Name, nn.Module Module) Backbone, (string Name, nn.Module Module)[] Heads) Parts(ModelSpec spec, nn.Module network)
    {
        var children = network.named_children().ToArray();
        string Listed() => string.Join(", ", children.Select(c => $"{c.name} ({c.module.GetType().Name})"));
        (string, nn.Module) Child(string name, Func<string, bool> matches, string what) =>
            children.Where(c => matches(c.name)).Select(c => (c.name, c.module)).FirstOrDefault() is { Item2: not null } found ? found
            : throw new NotSupportedException($"ONNX export of {spec.Name}: {network.GetType().Name} has no module named {name} ({what}); its modules are {Listed()}.");

        var backbone = Child(SpecNetwork.BackboneName, n => n == SpecNetwork.BackboneName, "the backbone");
        var heads = new (string, nn.Module)[spec.Targets.Count];
        for (int t = 0; t < heads.Length; t++)
        {
            var target = spec.Targets[t].Name;
            heads[t] = network is SpecNetwork named
                ? Child(named.HeadNames[t], n => n == named.HeadNames[t], $"the head of {target}")
                : Child(target, n => Loose(n) == Loose(target), $"the head of {target}");
        }
        return (backbone, heads);
    }

    private static string Loose(string name) => name.Replace("_", "").ToLowerInvariant();

    /// <summary>As <see cref="Normalization.Apply"/>, with the same float constants: x * 1 / (255 std) - mean / std.</summary>
    private static string Normalize(OnnxGraphBuilder graph, Normalization normalization)
    {
        int channels = normalization.Mean.Length;
        long[] shape = [1, channels, 1, 1];
        var scale = normalization.Std.Select(s => 1f / (255f * s)).ToArray();
        var shift = normalization.Mean.Zip(normalization.Std, (m, s) => -m / s).ToArray();
        var image = graph.ShapeOf(InputName);
        var scaled = graph.Node("Mul", [InputName, graph.Constant("normalize/scale", scale, shape)], image);
        return graph.Node("Add", [scaled, graph.Constant("normalize/shift", shift, shape)], image);
    }
}
