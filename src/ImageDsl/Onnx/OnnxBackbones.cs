using ImageDsl.Networks;

namespace ImageDsl.Onnx;

/// <summary>
/// Mappings of our backbones, whose forward is code rather than a Sequential: each repeats its
/// backbone's forward with the same child modules. A new backbone registers its own here.
/// </summary>
internal static class OnnxBackbones
{
    public static void RegisterAll() => OnnxModules.Register<SmallCnn>(SmallCnn);

    /// <summary>As <see cref="Networks.SmallCnn.forward"/>: three blocks, the 7x7 grid, flatten, fc, ReLU.</summary>
    private static string SmallCnn(OnnxGraphBuilder graph, SmallCnn cnn, string input)
    {
        var children = OnnxGraphBuilder.Children(cnn);
        TorchSharp.torch.nn.Module Child(string name) => children.TryGetValue(name, out var child) ? child
            : throw new NotSupportedException($"ONNX export: SmallCnn at {graph.Scope} has no child '{name}'; its mapping in OnnxBackbones no longer matches SmallCnn.");

        var x = input;
        foreach (var name in new[] { "block1", "block2", "block3", "grid" }) x = graph.Emit(Child(name), x, name);
        x = graph.Node("Flatten", [x], OnnxLayers.FlatShape(graph.RequireShape(x, "SmallCnn's flatten")), OnnxAttribute.Int("axis", 1));
        x = graph.Emit(Child("fc"), x, "fc");
        return graph.Node("Relu", [x], graph.ShapeOf(x));
    }
}
