using ImageDsl.Networks;
using static TorchSharp.torch;

namespace ImageDsl.Onnx;

/// <summary>
/// Mappings of our backbones, whose forward is code rather than a Sequential: each repeats its
/// backbone's forward with the same child modules. A new backbone registers its own here.
/// </summary>
internal static class OnnxBackbones
{
    public static void RegisterAll()
    {
        OnnxModules.Register<SmallCnn>(SmallCnn);
        OnnxModules.Register<PlainCnn>(PlainCnn);
        OnnxModules.Register<ResNet>(ResNet);
        OnnxModules.Register<BasicBlock>(BasicBlock);
        OnnxModules.Register<CoordCnn>(CoordCnn);
        OnnxModules.Register(ResNetBottlenecks.BlockType, Bottleneck);
        OnnxMobileBackbones.RegisterAll();
    }

    /// <summary>As <see cref="Networks.SmallCnn.forward"/>: three blocks, the 7x7 grid, flatten, fc, ReLU.</summary>
    private static string SmallCnn(OnnxGraphBuilder graph, SmallCnn cnn, string input)
    {
        var child = Children(graph, cnn);
        var x = input;
        foreach (var name in new[] { "block1", "block2", "block3", "grid" }) x = graph.Emit(child(name), x, name);
        x = Flatten(graph, x, "SmallCnn's flatten");
        x = graph.Emit(child("fc"), x, "fc");
        return graph.Node("Relu", [x], graph.ShapeOf(x));
    }

    /// <summary>As <see cref="Networks.PlainCnn.forward"/>: its blocks, then the mean over height and width, or with a grid: the grid, flatten, fc, ReLU.</summary>
    private static string PlainCnn(OnnxGraphBuilder graph, PlainCnn cnn, string input)
    {
        var child = Children(graph, cnn);
        var x = graph.Emit(child("blocks"), input, "blocks");
        if (OnnxGraphBuilder.Children(cnn).ContainsKey("grid"))
        {
            x = Flatten(graph, graph.Emit(child("grid"), x, "grid"), "PlainCnn's flatten");
            x = graph.Emit(child("fc"), x, "fc");
            return graph.Node("Relu", [x], graph.ShapeOf(x));
        }
        var shape = graph.RequireShape(x, "PlainCnn's global average");
        return graph.Node("ReduceMean", [x], [shape[0], shape[1]], OnnxAttribute.Ints("axes", 2, 3), OnnxAttribute.Int("keepdims", 0));
    }

    /// <summary>As <see cref="Networks.ResNet.forward"/>: the stem, four stages of blocks, average pooling, flatten.</summary>
    private static string ResNet(OnnxGraphBuilder graph, ResNet resnet, string input)
    {
        var child = Children(graph, resnet);
        var x = input;
        foreach (var name in new[] { "conv1", "bn1", "maxpool", "relu", "layer1", "layer2", "layer3", "layer4", "avgpool" })
            x = graph.Emit(child(name), x, name);
        return Flatten(graph, x, "ResNet's flatten");
    }

    /// <summary>As <see cref="Networks.BasicBlock.forward"/>: conv, bn, ReLU, conv, bn, plus the shortcut (downsampled when it has one), ReLU.</summary>
    private static string BasicBlock(OnnxGraphBuilder graph, BasicBlock block, string input)
    {
        var children = OnnxGraphBuilder.Children(block);
        var child = Children(graph, block);
        var y = input;
        foreach (var name in new[] { "conv1", "bn1", "relu", "conv2", "bn2" }) y = graph.Emit(child(name), y, name);
        var shortcut = children.TryGetValue("downsample", out var downsample) ? graph.Emit(downsample, input, "downsample") : input;
        var sum = graph.Node("Add", [y, shortcut], graph.ShapeOf(y));
        return graph.Node("Relu", [sum], graph.ShapeOf(sum));
    }

    /// <summary>
    /// As TorchSharp's ResNet-50 bottleneck block: 1x1 conv, bn, ReLU, 3x3 conv (the stride), bn,
    /// ReLU, 1x1 conv, bn, plus the shortcut (downsampled when it has one), ReLU.
    /// </summary>
    private static string Bottleneck(OnnxGraphBuilder graph, nn.Module block, string input)
    {
        var children = OnnxGraphBuilder.Children(block);
        var child = Children(graph, block);
        var y = input;
        foreach (var name in new[] { "conv1", "bn1", "relu1", "conv2", "bn2", "relu2", "conv3", "bn3" }) y = graph.Emit(child(name), y, name);
        var shortcut = children.TryGetValue("downsample", out var downsample) ? graph.Emit(downsample, input, "downsample") : input;
        var sum = graph.Node("Add", [y, shortcut], graph.ShapeOf(y));
        return graph.Node("Relu", [sum], graph.ShapeOf(sum));
    }

    /// <summary>
    /// As <see cref="Networks.CoordCnn.forward"/>: the module's own coordinate channels (its
    /// <c>coordinates</c> buffer, [1, 2, H, W]) expanded to the batch and appended to the image,
    /// its blocks, the 4x4 grid, flatten, fc, ReLU.
    /// </summary>
    private static string CoordCnn(OnnxGraphBuilder graph, CoordCnn cnn, string input)
    {
        var child = Children(graph, cnn);
        var shape = graph.RequireShape(input, "CoordCnn's coordinate channels");
        // get_buffer, not named_buffers: TorchSharp 0.107's named_buffers leaves out a module's own
        // non-persistent buffers, which this one is (it is rebuilt from the size, never saved).
        var buffer = cnn.get_buffer("coordinates")
            ?? throw new NotSupportedException($"ONNX export: CoordCnn at {graph.Scope} has no 'coordinates' buffer; its mapping in OnnxBackbones no longer matches CoordCnn.");
        if (buffer.dim() != 4 || buffer.shape[1] != 2 || buffer.shape[2] != shape[2] || buffer.shape[3] != shape[3])
            throw new NotSupportedException($"ONNX export: CoordCnn at {graph.Scope} has coordinates [{string.Join(", ", buffer.shape)}] for images [{string.Join(", ", shape)}].");

        string x;
        using (graph.Scoped("coordinates"))
        {
            var coordinates = graph.Weights("grid", buffer);
            // [N, 2, H, W]: the batch size from the image, the rest from the grid.
            var batch = graph.Node("Shape", [input], [1], OnnxAttribute.Int("start", 0), OnnxAttribute.Int("end", 1));
            var size = graph.Node("Concat", [batch, graph.Constant("grid_size", [2L, shape[2], shape[3]], 3)], [4], OnnxAttribute.Int("axis", 0));
            var expanded = graph.Node("Expand", [coordinates, size], [shape[0], 2, shape[2], shape[3]]);
            x = graph.Node("Concat", [input, expanded], [shape[0], shape[1] + 2, shape[2], shape[3]], OnnxAttribute.Int("axis", 1));
        }
        foreach (var (name, block) in child("blocks").named_children()) x = graph.Emit(block, x, "blocks/" + name);
        x = graph.Emit(child("grid"), x, "grid");
        x = Flatten(graph, x, "CoordCnn's flatten");
        x = graph.Emit(child("fc"), x, "fc");
        return graph.Node("Relu", [x], graph.ShapeOf(x));
    }

    internal static string Flatten(OnnxGraphBuilder graph, string x, string needer) =>
        graph.Node("Flatten", [x], OnnxLayers.FlatShape(graph.RequireShape(x, needer)), OnnxAttribute.Int("axis", 1));

    /// <summary>A lookup of <paramref name="module"/>'s children that names the module and its place when one is missing.</summary>
    internal static Func<string, nn.Module> Children(OnnxGraphBuilder graph, nn.Module module)
    {
        var children = OnnxGraphBuilder.Children(module);
        return name => children.TryGetValue(name, out var child) ? child
            : throw new NotSupportedException($"ONNX export: {module.GetType().Name} at {graph.Scope} has no child '{name}'; its mapping in OnnxBackbones no longer matches it.");
    }
}
