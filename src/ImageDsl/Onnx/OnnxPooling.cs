using TorchSharp.Modules;
using static ImageDsl.Onnx.OnnxAttribute;

namespace ImageDsl.Onnx;

/// <summary>
/// Adaptive average pooling, which ONNX lacks: its windows depend on the input size, which the
/// graph builder knows at export time. SmallCnn pools its feature map to 7x7, so this is the
/// identity for 28x28 images, a plain AveragePool when the size divides evenly (56x56), and a
/// pair of matrix products with the window weights otherwise (32x32 gives 8x8, pooled to 7x7 by
/// overlapping windows).
/// </summary>
internal static class OnnxPooling
{
    public static string AdaptiveAvgPool2d(OnnxGraphBuilder graph, AdaptiveAvgPool2d pool, string x)
    {
        var shape = graph.RequireShape(x, "AdaptiveAvgPool2d");
        long height = shape[2], width = shape[3];
        var size = pool.output_size switch
        {
            { Length: 1 } one => new[] { one[0], one[0] },
            { Length: 2 } two => two,
            _ => throw new NotSupportedException($"ONNX export: {graph.Scope} has output size [{string.Join(", ", pool.output_size ?? [])}]."),
        };
        // A non-positive size keeps the input's, like PyTorch's None.
        long outHeight = size[0] > 0 ? size[0] : height, outWidth = size[1] > 0 ? size[1] : width;
        long[] output = [shape[0], shape[1], outHeight, outWidth];

        if (outHeight == height && outWidth == width) return x;
        if (height % outHeight == 0 && width % outWidth == 0)
        {
            long[] kernel = [height / outHeight, width / outWidth];
            return graph.Node("AveragePool", [x], output, Ints("kernel_shape", kernel), Ints("strides", kernel));
        }
        // x [N, C, H, W] @ Pw [W, w] -> [N, C, H, w]; then Ph [h, H] @ that -> [N, C, h, w].
        var columns = graph.Node("MatMul", [x, graph.Constant("width_windows", Windows(width, outWidth, transposed: true), width, outWidth)],
            [shape[0], shape[1], height, outWidth]);
        return graph.Node("MatMul", [graph.Constant("height_windows", Windows(height, outHeight, transposed: false), outHeight, height), columns], output);
    }

    /// <summary>
    /// The averaging matrix [outputs, inputs] (or its transpose): output i averages inputs
    /// floor(i * n / m) up to, not including, ceil((i + 1) * n / m), as PyTorch does.
    /// </summary>
    private static float[] Windows(long inputs, long outputs, bool transposed)
    {
        var matrix = new float[inputs * outputs];
        for (long i = 0; i < outputs; i++)
        {
            long start = i * inputs / outputs, end = ((i + 1) * inputs + outputs - 1) / outputs;
            for (long j = start; j < end; j++)
                matrix[transposed ? j * outputs + i : i * inputs + j] = 1f / (end - start);
        }
        return matrix;
    }
}
