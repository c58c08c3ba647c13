using static TorchSharp.torch;

namespace ImageDsl.Modeling;

/// <summary>Renders test-time views and combines their predictions; kinds map their own values back (<c>TargetSpec.FromView</c>).</summary>
internal static class TestTimeViews
{
    /// <summary>
    /// <paramref name="unitImages"/> <c>[N, C, H, W]</c> in [0, 1] moved by <paramref name="forward"/>,
    /// sampled by nearest neighbour: a mirror or a whole-pixel shift copies pixels exactly; what
    /// comes from outside the image is black.
    /// </summary>
    public static Tensor Render(Tensor unitImages, Tensor forward)
    {
        long n = unitImages.shape[0], height = unitImages.shape[2], width = unitImages.shape[3];
        var inverse = Invert(forward);
        // grid_sample wants the inverse map in normalized coordinates (x spans [-1, 1] over the width).
        var toNormalized = tensor(new float[] { 2f / width, 2f / height }, device: unitImages.device).reshape(1, 2, 1);
        var fromNormalized = tensor(new float[] { width / 2f, height / 2f }, device: unitImages.device).reshape(1, 1, 2);
        var theta = cat([inverse[.., .., ..2] * toNormalized * fromNormalized, inverse[.., .., 2..3] * toNormalized], 2);
        var grid = nn.functional.affine_grid(theta, [n, unitImages.shape[1], height, width], align_corners: false);
        return nn.functional.grid_sample(unitImages, grid, mode: GridSampleMode.Nearest, padding_mode: GridSamplePaddingMode.Zeros, align_corners: false);
    }

    /// <summary>One view's transform <c>[N, 2, 3]</c> for every image of a batch, on <paramref name="device"/>.</summary>
    public static Tensor ForBatch(float[] transform, long count, Device device) => tensor(transform, device: device).reshape(1, 2, 3).expand(count, 2, 3).contiguous();

    /// <summary>[A | d] to [A⁻¹ | −A⁻¹d], per image.</summary>
    public static Tensor Invert(Tensor forward)
    {
        var a = forward[.., .., ..2];
        var inverseA = linalg.inv(a);
        return cat([inverseA, -matmul(inverseA, forward[.., .., 2..3])], 2);
    }

    /// <summary>The mean over views (dimension 0) of what each view saw: NaN entries are left out, and stay NaN only where no view saw anything.</summary>
    public static Tensor NanMean(IReadOnlyList<Tensor> views)
    {
        var stacked = stack(views);
        var seen = stacked.isnan().logical_not();
        // The dimension as an array: a literal 0 would convert to ScalarType and pick the total-sum overload.
        long[] overViews = [0];
        var sum = where(seen, stacked, zeros_like(stacked)).sum(overViews);
        var count = seen.to_type(stacked.dtype).sum(overViews);
        return sum / count; // 0 / 0 is NaN where nothing was seen
    }
}
