using ImageDsl.Networks;
using static TorchSharp.torch;

namespace ImageDsl.Explanations;

/// <summary>
/// Grad-CAM (Selvaraju et al., 2017) for any head: the gradient of one scalar of a head's output
/// with respect to the backbone's last feature map, averaged over the map to one weight per
/// channel; the ReLU of the channels' weighted sum is where evidence for a higher value lies.
/// Upsampled bilinearly to the image and scaled so its peak is 1.
/// </summary>
internal static class GradCam
{
    /// <summary>The heat of one normalized image <c>[1, C, H, W]</c> for target <paramref name="target"/>, row-major <c>H × W</c> in [0, 1], and the peak before scaling.</summary>
    /// <param name="network">The model's network.</param>
    /// <param name="image">One normalized image.</param>
    /// <param name="target">The target's index in the spec.</param>
    /// <param name="score">The explained scalar per image <c>[N]</c> from the head's raw output <c>[N, OutputWidth]</c> (the target kind's <c>ExplainScore</c>).</param>
    /// <param name="method">How the gradient weighs the map: per channel (Grad-CAM) or per position (HiResCAM).</param>
    public static (float[] Heat, double Peak, int MapHeight, int MapWidth) Compute(SpecNetwork network, Tensor image, int target, Func<Tensor, Tensor> score, HeatmapMethod method)
    {
        bool training = network.training;
        network.eval(); // dropout off and batch norm on its running statistics, as in prediction
        try
        {
            using var scope = NewDisposeScope();
            using var grad = enable_grad();
            var (features, maps) = network.Backbone.ForwardMaps(image);
            // The last stage's map: the coarsest, most semantic one, which the features are pooled from.
            var last = maps[^1];
            if (!last.requires_grad)
                throw new InvalidOperationException("The backbone's last feature map does not depend on its weights; there is nothing to explain.");
            var scalar = score(network.Head(target).call(features)).sum();
            var gradient = autograd.grad([scalar], [last])[0];
            var weights = method == HeatmapMethod.GradCam ? gradient.mean([2, 3], keepdim: true) : gradient;
            var cam = nn.functional.relu((weights * last).sum(1, keepdim: true)).detach();
            int height = (int)image.shape[2], width = (int)image.shape[3];
            var up = nn.functional.interpolate(cam, [height, width], mode: InterpolationMode.Bilinear, align_corners: false).clamp_min(0);
            double peak = up.max().item<float>();
            var values = (peak > 0 ? up / peak : up).to(ScalarType.Float32).cpu().data<float>().ToArray();
            return (values, peak, (int)last.shape[2], (int)last.shape[3]);
        }
        finally
        {
            if (training) network.train();
        }
    }
}
