using ImageDsl.Networks;
using static ImageDsl.Onnx.OnnxAttribute;

namespace ImageDsl.Onnx;

/// <summary>
/// ONNX export of dense targets: the backbone's multi-scale maps stage by stage (as
/// <see cref="BackboneModule.ForwardMaps"/> takes them) and each <see cref="UNetDecoder"/> over them.
/// </summary>
internal static class OnnxDense
{
    /// <summary>The backbone's feature maps, finest first, emitted stage by stage under <paramref name="name"/>.</summary>
    public static string[] Maps(OnnxGraphBuilder graph, BackboneModule backbone, string input, string name)
    {
        if (backbone.AddsChannels)
            throw new NotSupportedException($"ONNX export of dense targets: {backbone.GetType().Name} adds channels before its stages, which the export of its feature maps does not write yet; use another backbone.");
        var maps = new List<string> { input };
        var x = input;
        int index = 0;
        foreach (var stage in backbone.Stages)
        {
            x = graph.Emit(stage, x, $"{name}/stage{index++}");
            var previous = graph.RequireShape(maps[^1], "a feature map");
            var shape = graph.RequireShape(x, "a feature map");
            if (maps.Count > 1 && previous[2] == shape[2] && previous[3] == shape[3]) maps[^1] = x;
            else maps.Add(x);
        }
        return maps.ToArray();
    }

    /// <summary>Bilinear resizing as <c>interpolate(align_corners: false)</c> does it (ONNX's half_pixel), by a whole factor.</summary>
    public static string Resize(OnnxGraphBuilder graph, string x, long height, long width)
    {
        var shape = graph.RequireShape(x, "Resize");
        if (shape[2] == height && shape[3] == width) return x;
        if (height % shape[2] != 0 || width % shape[3] != 0)
            throw new NotSupportedException($"ONNX export of a decoder at {graph.Scope}: resizing {shape[2]}x{shape[3]} to {height}x{width} is no whole factor; choose sizes that halve evenly.");
        var scales = graph.Constant("scales", new float[] { 1, 1, (float)height / shape[2], (float)width / shape[3] }, 4);
        return graph.Node("Resize", [x, "", scales], [shape[0], shape[1], height, width],
            String("mode", "linear"), String("coordinate_transformation_mode", "half_pixel"));
    }

    /// <summary>Concatenation along the channels.</summary>
    public static string Join(OnnxGraphBuilder graph, string a, string b)
    {
        var sa = graph.RequireShape(a, "Concat");
        var sb = graph.RequireShape(b, "Concat");
        return graph.Node("Concat", [a, b], [sa[0], sa[1] + sb[1], sa[2], sa[3]], Int("axis", 1));
    }
}
