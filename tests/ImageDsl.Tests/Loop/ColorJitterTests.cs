using ImageDsl.Training;
using static TorchSharp.torch;

namespace ImageDsl.Tests.Loop;

/// <summary>Colour jitter follows torchvision's ColorJitter: each change within its declared bounds, and no target moves.</summary>
public class ColorJitterTests
{
    private const int Images = 16;

    /// <summary>Colour images in [0.2, 0.8], so the changes below rarely clip.</summary>
    private static Tensor Colour(int seed)
    {
        using var generator = new TorchSharp.torch.Generator((ulong)seed);
        return rand([Images, 3, 12, 10], generator: generator) * 0.6f + 0.2f;
    }

    private static (Tensor Images, Tensor? Moves) Jitter(Tensor images, Augmentation augmentation, int seed)
    {
        using var generator = new TorchSharp.torch.Generator((ulong)seed);
        return Augment.Apply(images, augmentation, generator);
    }

    [Fact]
    public void Jitter_is_photometric_it_moves_no_target_and_changes_the_pixels()
    {
        using var scope = NewDisposeScope();
        var images = Colour(1);
        var (jittered, moves) = Jitter(images, new Augmentation { JitterBrightness = 0.4, JitterContrast = 0.4, JitterSaturation = 0.4, JitterHue = 0.1 }, 2);

        Assert.Null(moves); // nothing for GeometricTargets.Move to apply: boxes, points, maps and angles stay as they are
        Assert.Equal(images.shape, jittered.shape);
        Assert.True((jittered - images).abs().amax([1, 2, 3]).min().item<float>() > 1e-3, "every image should change");
        Assert.True(jittered.min().item<float>() >= 0 && jittered.max().item<float>() <= 1);
    }

    [Fact]
    public void Brightness_multiplies_each_image_by_one_factor_within_its_bounds()
    {
        using var scope = NewDisposeScope();
        var images = Colour(3) * 0.5f + 0.1f; // at most 0.5: even a factor 1.6 does not clip
        var (jittered, _) = Jitter(images, new Augmentation { JitterBrightness = 0.6 }, 4);

        var ratio = jittered / images;
        var factor = ratio.amin([1, 2, 3]);
        Assert.True(allclose(ratio.amax([1, 2, 3]), factor, atol: 1e-4), "one factor per image");
        var factors = factor.data<float>().ToArray();
        Assert.All(factors, f => Assert.InRange(f, 0.4f - 1e-4f, 1.6f + 1e-4f));
        Assert.True(factors.Max() - factors.Min() > 0.3f, "factors should spread over the range");
    }

    [Fact]
    public void Contrast_blends_with_the_mean_grey_and_saturation_keeps_the_grey_level()
    {
        using var scope = NewDisposeScope();
        var images = Colour(5);
        var grey = ColorJitter.Grey(images);
        var mean = grey.mean([1, 2, 3], keepdim: true);

        var (contrasted, _) = Jitter(images, new Augmentation { JitterContrast = 0.3 }, 6);
        // (out - mean) = f (in - mean) with f in [0.7, 1.3], one f per image.
        var factor = ((contrasted - mean) * (images - mean)).sum([1, 2, 3]) / (images - mean).pow(2).sum([1, 2, 3]);
        Assert.All(factor.data<float>().ToArray(), f => Assert.InRange(f, 0.7f - 1e-3f, 1.3f + 1e-3f));
        Assert.True(allclose(contrasted - mean, (images - mean) * factor.reshape(Images, 1, 1, 1), atol: 1e-4));

        var (saturated, _) = Jitter(images, new Augmentation { JitterSaturation = 0.5 }, 7);
        // A blend with the image's own grey: the grey level stays (where nothing clipped) and colours move.
        var unclipped = ((saturated > 0) & (saturated < 1)).all(1, keepdim: true);
        var greyAfter = ColorJitter.Grey(saturated);
        Assert.True(((greyAfter - grey).abs() * unclipped).max().item<float>() < 1e-4);
        Assert.True((saturated - images).abs().max().item<float>() > 0.01f);
    }

    [Fact]
    public void Hue_turns_the_colour_wheel_by_at_most_its_bound_and_keeps_saturation_and_value()
    {
        using var scope = NewDisposeScope();
        var images = Colour(8);
        var (turned, _) = Jitter(images, new Augmentation { JitterHue = 0.1 }, 9);

        var (h0, s0, v0) = ColorJitter.ToHsv(images);
        var (h1, s1, v1) = ColorJitter.ToHsv(turned);
        Assert.True(allclose(s0, s1, atol: 1e-4) && allclose(v0, v1, atol: 1e-4));
        var shift = (h1 - h0 + 1.5).remainder(1.0) - 0.5; // the circular difference, in (-0.5, 0.5]
        Assert.True(shift.abs().max().item<float>() <= 0.1f + 1e-4f);
        // One shift per image, and not all zero.
        Assert.True((shift.amax([1, 2]) - shift.amin([1, 2])).max().item<float>() < 1e-3f);
        Assert.True(shift.abs().max().item<float>() > 0.02f);
    }

    [Fact]
    public void A_third_of_a_turn_makes_red_green_and_green_blue()
    {
        using var scope = NewDisposeScope();
        var pixels = tensor(new float[] { 1, 0, 0, 0, 1, 0, 0.5f, 0.25f, 1 }).reshape(3, 3, 1, 1); // red, green, and a blue-violet
        var turned = ColorJitter.TurnHue(pixels, full(3, 1, 1, 1f / 3));

        Assert.Equal(new float[] { 0, 1, 0 }, turned[0].flatten().data<float>().ToArray().Select(v => MathF.Round(v, 4)).ToArray());
        Assert.Equal(new float[] { 0, 0, 1 }, turned[1].flatten().data<float>().ToArray().Select(v => MathF.Round(v, 4)).ToArray());
        Assert.True(allclose(ColorJitter.TurnHue(pixels, zeros(3, 1, 1)), pixels, atol: 1e-5));
    }

    [Fact]
    public void Saturation_and_hue_leave_one_channel_images_alone_as_torchvision_does()
    {
        using var scope = NewDisposeScope();
        var grey = rand(Images, 1, 8, 8);
        var (jittered, _) = Jitter(grey, new Augmentation { JitterSaturation = 0.9, JitterHue = 0.5 }, 10);
        Assert.True((jittered == grey).all().item<bool>());
    }

    [Fact]
    public void Jitter_values_out_of_range_are_refused_naming_the_property()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Augmentation { JitterHue = 0.7 }.Validate());
        Assert.Contains("Augmentation.JitterHue must be in [0, 0.5]", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Augmentation { JitterContrast = -1 }.Validate());
        var bounds = Assert.Throws<ArgumentOutOfRangeException>(() => new Augmentation { CropScaleMin = 0.9, CropScaleMax = 0.5 }.Validate());
        Assert.Contains("CropScaleMin (0.9) is larger than CropScaleMax (0.5)", bounds.Message);
    }
}
