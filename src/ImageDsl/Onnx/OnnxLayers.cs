using TorchSharp;
using TorchSharp.Modules;
using static ImageDsl.Onnx.OnnxAttribute;

namespace ImageDsl.Onnx;

/// <summary>
/// Mappings of the TorchSharp layers our networks use, in evaluation semantics (the exported
/// graph predicts; it does not train): dropout disappears and batch norm uses its running
/// statistics. Each computes its output shape the way TorchSharp does.
/// </summary>
internal static class OnnxLayers
{
    public static void RegisterAll()
    {
        OnnxModules.Register<Sequential>(Sequential);
        OnnxModules.Register<Conv2d>(Conv2d);
        OnnxModules.Register<BatchNorm2d>(BatchNorm2d);
        OnnxModules.Register<ReLU>((graph, _, x) => graph.Node("Relu", [x], graph.ShapeOf(x)));
        OnnxModules.Register<Dropout>((_, _, x) => x);
        OnnxModules.Register<MaxPool2d>(MaxPool2d);
        OnnxModules.Register<AdaptiveAvgPool2d>(OnnxPooling.AdaptiveAvgPool2d);
        OnnxModules.Register<Linear>(Linear);
        OnnxModules.Register<Flatten>(Flatten);
        // PyTorch's hard-swish x·relu6(x + 3)/6 and hard sigmoid relu6(x + 3)/6 are ONNX's with alpha 1/6, beta 1/2.
        OnnxModules.Register<Hardswish>((graph, _, x) => graph.Node("HardSwish", [x], graph.ShapeOf(x)));
        OnnxModules.Register<Hardsigmoid>((graph, _, x) => graph.Node("HardSigmoid", [x], graph.ShapeOf(x), Float("alpha", 1f / 6), Float("beta", 0.5f)));
        OnnxModules.Register<Sigmoid>((graph, _, x) => graph.Node("Sigmoid", [x], graph.ShapeOf(x)));
        // SiLU (swish) is x·sigmoid(x); ONNX has no operator of its own for it before opset 22.
        OnnxModules.Register<SiLU>((graph, _, x) => graph.Node("Mul", [x, graph.Node("Sigmoid", [x], graph.ShapeOf(x))], graph.ShapeOf(x)));
        // Stochastic depth drops residual branches only while training: the identity here.
        OnnxModules.Register<TorchSharp.torchvision.StochasticDepth>((_, _, x) => x);
    }

    private static string Sequential(OnnxGraphBuilder graph, Sequential sequential, string input)
    {
        var x = input;
        foreach (var (name, child) in sequential.named_children()) x = graph.Emit(child, x, name);
        return x;
    }

    private static string Conv2d(OnnxGraphBuilder graph, Conv2d conv, string x)
    {
        if (conv.padding_mode != PaddingModes.Zeros)
            throw new NotSupportedException($"ONNX export: {graph.Scope} pads with {conv.padding_mode}; only zero padding is exported.");
        var kernel = Pair(conv.kernel_size, 1);
        var stride = Pair(conv.stride, 1);
        var dilation = Pair(conv.dilation, 1);
        var padding = conv.padding_type switch
        {
            null => Pair(conv.padding, 0),
            Padding.Valid => [0, 0],
            // "same" with stride 1: the SDK pads (k - 1) * d / 2 on each side for odd kernels.
            Padding.Same when stride.All(s => s == 1) && kernel.All(k => k % 2 == 1) => [dilation[0] * (kernel[0] - 1) / 2, dilation[1] * (kernel[1] - 1) / 2],
            _ => throw new NotSupportedException($"ONNX export: {graph.Scope} uses padding {conv.padding_type} with an even kernel or a stride."),
        };

        var shape = graph.ShapeOf(x);
        long[]? output = shape is null ? null :
            [shape[0], conv.out_channels, Window(shape[2], kernel[0], stride[0], padding[0], dilation[0], false), Window(shape[3], kernel[1], stride[1], padding[1], dilation[1], false)];
        var inputs = new List<string> { x, graph.Weights("weight", conv.weight!) };
        if (conv.bias is { } bias) inputs.Add(graph.Weights("bias", bias));
        return graph.Node("Conv", inputs, output,
            Ints("kernel_shape", kernel), Ints("strides", stride), Ints("dilations", dilation),
            Ints("pads", padding[0], padding[1], padding[0], padding[1]), Int("group", conv.groups));
    }

    private static string BatchNorm2d(OnnxGraphBuilder graph, BatchNorm2d norm, string x)
    {
        if (norm.running_mean is null || norm.running_var is null)
            throw new NotSupportedException($"ONNX export: {graph.Scope} keeps no running statistics, so it has no fixed evaluation form.");
        var channels = (int)norm.num_features;
        var scale = norm.weight is { } weight ? graph.Weights("weight", weight) : graph.Constant("weight", Enumerable.Repeat(1f, channels).ToArray(), channels);
        var shift = norm.bias is { } bias ? graph.Weights("bias", bias) : graph.Constant("bias", new float[channels], channels);
        return graph.Node("BatchNormalization",
            [x, scale, shift, graph.Weights("running_mean", norm.running_mean), graph.Weights("running_var", norm.running_var)],
            graph.ShapeOf(x), Float("epsilon", (float)norm.eps));
    }

    private static string MaxPool2d(OnnxGraphBuilder graph, MaxPool2d pool, string x)
    {
        var kernel = Pair(pool.kernel_size, 1);
        var stride = pool.stride is { Length: > 0 } ? Pair(pool.stride, 1) : kernel;
        var padding = Pair(pool.padding, 0);
        var dilation = Pair(pool.dilation, 1);
        var shape = graph.ShapeOf(x);
        long[]? output = shape is null ? null :
            [shape[0], shape[1], Window(shape[2], kernel[0], stride[0], padding[0], dilation[0], pool.ceil_mode), Window(shape[3], kernel[1], stride[1], padding[1], dilation[1], pool.ceil_mode)];
        return graph.Node("MaxPool", [x], output,
            Ints("kernel_shape", kernel), Ints("strides", stride), Ints("dilations", dilation),
            Ints("pads", padding[0], padding[1], padding[0], padding[1]), Int("ceil_mode", pool.ceil_mode ? 1 : 0));
    }

    private static string Linear(OnnxGraphBuilder graph, Linear linear, string x)
    {
        var shape = graph.ShapeOf(x);
        long[]? output = shape is null ? null : [.. shape[..^1], linear.out_features];
        if (shape is { Length: 2 })
        {
            var inputs = new List<string> { x, graph.Weights("weight", linear.weight!) };
            if (linear.bias is { } bias) inputs.Add(graph.Weights("bias", bias));
            return graph.Node("Gemm", inputs, output, Int("transB", 1));
        }
        // Gemm takes only matrices; other ranks multiply by the transposed weight instead.
        using var transposed = linear.weight!.t();
        var product = graph.Node("MatMul", [x, graph.Weights("weight_t", transposed)], output);
        return linear.bias is { } b ? graph.Node("Add", [product, graph.Weights("bias", b)], output) : product;
    }

    private static string Flatten(OnnxGraphBuilder graph, Flatten flatten, string x)
    {
        var shape = graph.RequireShape(x, "Flatten");
        long start = Axis(flatten.start_dim, shape.Length), end = Axis(flatten.end_dim, shape.Length);
        if (start != 1 || end != shape.Length - 1)
            throw new NotSupportedException($"ONNX export: {graph.Scope} flattens dimensions {start}..{end}; only 1..last is exported.");
        return graph.Node("Flatten", [x], FlatShape(shape), Int("axis", 1));
    }

    /// <summary>[N, C, H, W] flattened from dimension 1: [N, C * H * W].</summary>
    public static long[] FlatShape(long[] shape) => [shape[0], shape[1..].Aggregate(1L, (a, b) => a * b)];

    private static long Axis(long axis, int rank) => axis < 0 ? axis + rank : axis;

    /// <summary>TorchSharp gives one value for square settings and two for height and width.</summary>
    private static long[] Pair(long[]? values, long fallback) => values switch
    {
        null or { Length: 0 } => [fallback, fallback],
        { Length: 1 } => [values[0], values[0]],
        _ => [values[0], values[1]],
    };

    /// <summary>The output length of a convolution or pooling window along one axis.</summary>
    private static long Window(long size, long kernel, long stride, long padding, long dilation, bool ceil)
    {
        if (size == OnnxGraphBuilder.BatchDimension) return size;
        var span = size + 2 * padding - dilation * (kernel - 1) - 1;
        var steps = ceil ? (span + stride - 1) / stride : span / stride;
        // As PyTorch: with ceil mode, the last window must start inside the input or its left padding.
        if (ceil && steps * stride >= size + padding) steps--;
        return steps + 1;
    }
}
