using ImageDsl.Networks;
using static TorchSharp.torch;

namespace ImageDsl.Onnx;

/// <summary>
/// Mappings of MobileNetV3 and EfficientNet and their blocks, each repeating its module's forward
/// with the same children: the blocks are Sequentials of mapped layers (depthwise convolutions are
/// Conv nodes with <c>group</c> = channels), plus the squeeze-excitation and the residual sum.
/// </summary>
internal static class OnnxMobileBackbones
{
    public static void RegisterAll()
    {
        OnnxModules.Register<Networks.MobileNetV3>(MobileNetV3);
        OnnxModules.Register<InvertedResidual>((graph, block, x) => Residual(graph, block, x, block.HasResidual, stochasticDepth: false));
        OnnxModules.Register<EfficientNet>(EfficientNet);
        OnnxModules.Register<MBConv>((graph, block, x) => Residual(graph, block, x, block.HasResidual, stochasticDepth: true));
        OnnxModules.Register<TorchSharp.torchvision.SqueezeExcitation>(SqueezeExcitation);
    }

    /// <summary>As <see cref="Networks.MobileNetV3.forward"/>: features, global average, flatten, classifier.0 and its hard-swish.</summary>
    private static string MobileNetV3(OnnxGraphBuilder graph, Networks.MobileNetV3 network, string input)
    {
        var child = OnnxBackbones.Children(graph, network);
        var x = graph.Emit(child("avgpool"), graph.Emit(child("features"), input, "features"), "avgpool");
        x = OnnxBackbones.Flatten(graph, x, "MobileNetV3's flatten");
        return graph.Emit(child("classifier"), x, "classifier");
    }

    /// <summary>As <see cref="Networks.EfficientNet.forward"/>: features, global average, flatten.</summary>
    private static string EfficientNet(OnnxGraphBuilder graph, EfficientNet network, string input)
    {
        var child = OnnxBackbones.Children(graph, network);
        var x = graph.Emit(child("avgpool"), graph.Emit(child("features"), input, "features"), "avgpool");
        return OnnxBackbones.Flatten(graph, x, "EfficientNet's flatten");
    }

    /// <summary>
    /// As <see cref="InvertedResidual.forward"/> and <see cref="MBConv.forward"/>: the block, plus the
    /// input when the module adds it (an MBConv's stochastic depth, the identity in evaluation, between).
    /// </summary>
    private static string Residual(OnnxGraphBuilder graph, nn.Module module, string input, bool hasResidual, bool stochasticDepth)
    {
        var child = OnnxBackbones.Children(graph, module);
        var y = graph.Emit(child("block"), input, "block");
        if (!hasResidual) return y;
        if (stochasticDepth) y = graph.Emit(child("stochastic_depth"), y, "stochastic_depth");
        return graph.Node("Add", [y, input], graph.ShapeOf(y));
    }

    /// <summary>
    /// As torchvision's <c>SqueezeExcitation</c>: the map averaged per channel, fc1 (a 1x1 conv), its
    /// activation, fc2, the scale activation, and the map multiplied by the resulting [N, C, 1, 1] scale.
    /// </summary>
    private static string SqueezeExcitation(OnnxGraphBuilder graph, TorchSharp.torchvision.SqueezeExcitation excitation, string input)
    {
        var child = OnnxBackbones.Children(graph, excitation);
        var scale = input;
        foreach (var name in new[] { "avgpool", "fc1", "activation", "fc2", "scale_activation" }) scale = graph.Emit(child(name), scale, name);
        return graph.Node("Mul", [scale, input], graph.ShapeOf(input));
    }
}
