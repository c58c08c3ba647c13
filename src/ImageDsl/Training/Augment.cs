using ImageDsl.Specs;
using static TorchSharp.torch;

namespace ImageDsl.Training;

/// <summary>
/// Applies an <see cref="Augmentation"/> to a batch in a few batched tensor operations: one
/// affine resampling (<c>grid_sample</c>) for every geometric change (a random resized crop
/// included), then torchvision's colour jitter, then brightness, contrast and noise. Works on pixels in [0, 1], before normalization, so uncovered borders
/// are black.
/// </summary>
internal static class Augment
{
    /// <summary>Augments <paramref name="unitImages"/> <c>[N, C, H, W]</c> in [0, 1]; returns the new images and, for geometric changes, each image's forward pixel transform <c>[N, 2, 3]</c>.</summary>
    /// <param name="unitImages">The batch, pixels in [0, 1].</param>
    /// <param name="augmentation">What to change.</param>
    /// <param name="generator">The seeded source of every random draw.</param>
    /// <param name="window">For a model that predicts the image's own rotation: keeps each image's rotation small enough that its target stays in range.</param>
    public static (Tensor Images, Tensor? PixelTransforms) Apply(Tensor unitImages, Augmentation augmentation, Generator generator, RotationWindow? window = null)
    {
        long n = unitImages.shape[0], height = unitImages.shape[2], width = unitImages.shape[3];
        var device = unitImages.device;
        var images = unitImages;
        Tensor? pixelTransforms = null;

        if (augmentation.IsGeometric)
        {
            double maxTurn = augmentation.Rotation * Math.PI / 180;
            var turnDraw = maxTurn == 0 ? zeros(n, device: device) : Draws.Uniform(generator, device, [n]); // uniform in [0, 1), mapped into the allowed turns below
            var scale = Uniform(n, augmentation.Scale, generator, device) + 1.0;
            // Whole pixels: a pure shift then copies pixels exactly instead of blurring them,
            // so training images stay as sharp as the ones the model is tested on.
            var dx = Uniform(n, augmentation.Shift, generator, device).round();
            var dy = Uniform(n, augmentation.Shift, generator, device).round();
            var flip = augmentation.FlipHorizontal
                ? (Draws.Uniform(generator, device, [n]) < 0.5).to_type(ScalarType.Float32) * -2 + 1
                : ones(n, device: device);
            var (lowest, highest) = window is null ? (full(n, -maxTurn, device: device), full(n, maxTurn, device: device)) : window.Turns(maxTurn, ref flip);
            var angle = lowest + turnDraw * (highest - lowest);

            // Forward map in pixel coordinates centred on the image: p' = s R(angle) F p + d.
            var cos = angle.cos() * scale;
            var sin = angle.sin() * scale;
            var forward = stack([
                stack([cos * flip, -sin, dx], 1),
                stack([sin * flip, cos, dy], 1)], 1); // [N, 2, 3]
            // Drawn after the other moves, so a seed gives the same shifts, turns and flips with or without the crop.
            if (augmentation.RandomResizedCrop)
                forward = ResizedCrop.Compose(forward, ResizedCrop.Sample(n, width, height, augmentation, generator, device), width, height);

            // grid_sample needs the inverse map (output -> input) in normalized coordinates,
            // where x spans [-1, 1] over the width and y over the height.
            var inverse = InvertAffine(forward);
            var toNormalized = tensor(new float[] { 2f / width, 2f / height }, device: device).reshape(1, 2, 1);
            var fromNormalized = tensor(new float[] { width / 2f, height / 2f }, device: device).reshape(1, 1, 2);
            var linear = inverse[.., .., ..2] * toNormalized * fromNormalized;
            var offset = inverse[.., .., 2..3] * toNormalized;
            var theta = cat([linear, offset], 2);
            var grid = nn.functional.affine_grid(theta, [n, unitImages.shape[1], height, width], align_corners: false);
            images = nn.functional.grid_sample(images, grid, mode: GridSampleMode.Bilinear, padding_mode: GridSamplePaddingMode.Zeros, align_corners: false);
            pixelTransforms = forward;
        }

        if (augmentation.IsJittered)
            images = ColorJitter.Apply(images, augmentation, generator);
        if (augmentation.Contrast > 0)
        {
            var factor = (Uniform(n, augmentation.Contrast, generator, device) + 1.0).reshape(n, 1, 1, 1);
            var mean = images.mean([1, 2, 3], keepdim: true);
            images = (images - mean) * factor + mean;
        }
        if (augmentation.Brightness > 0)
            images = images + Uniform(n, augmentation.Brightness, generator, device).reshape(n, 1, 1, 1);
        if (augmentation.Noise > 0)
            images = images + Draws.Normal(generator, device, images.shape) * augmentation.Noise;
        if (augmentation.Contrast > 0 || augmentation.Brightness > 0 || augmentation.Noise > 0)
            images = images.clamp(0, 1);
        return (images, pixelTransforms);
    }

    /// <summary>Moves pixel-coordinate points (x, y measured from the top-left corner) by each image's forward transform.</summary>
    public static Tensor TransformPoints(Tensor points, Tensor pixelTransforms, InputSpec input)
    {
        // points: [N, K, 2]; transforms act on coordinates centred on the image.
        var centre = tensor(new float[] { input.Width / 2f, input.Height / 2f }, device: points.device).reshape(1, 1, 2);
        var centred = points - centre;
        var moved = matmul(centred, pixelTransforms[.., .., ..2].transpose(1, 2)) + pixelTransforms[.., .., 2].unsqueeze(1);
        return moved + centre;
    }

    /// <summary>The turn (radians, the forward transform's rotation) and mirror sign (+1 or -1) of each pixel transform.</summary>
    public static (Tensor Turn, Tensor Flip) Decompose(Tensor pixelTransforms)
    {
        // A = s R(turn) F with F = diag(flip, 1): its second column is s (-sin, cos) whatever the flip.
        var a = pixelTransforms[.., .., ..2];
        var turn = atan2(-a[.., 0, 1], a[.., 1, 1]);
        var determinant = a[.., 0, 0] * a[.., 1, 1] - a[.., 0, 1] * a[.., 1, 0];
        return (turn, determinant.sign());
    }

    private static Tensor Uniform(long n, double half, Generator generator, Device device) =>
        half == 0 ? zeros(n, device: device) : (Draws.Uniform(generator, device, [n]) * 2 - 1) * half;

    private static Tensor InvertAffine(Tensor forward)
    {
        // [A | d] -> [A^-1 | -A^-1 d]
        var a = forward[.., .., ..2];
        var d = forward[.., .., 2..3];
        var inverseA = linalg.inv(a);
        return cat([inverseA, -matmul(inverseA, d)], 2);
    }
}
