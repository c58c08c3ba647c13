using ImageDsl.Modeling;
using ImageDsl.Specs;
using static TorchSharp.torch;

namespace ImageDsl.Tests.Tuning;

/// <summary>Dense targets under test-time augmentation: what a view predicts is moved back pixel for pixel.</summary>
public class DenseTestTimeTests
{
    private static readonly InputSpec Input = new(8, 8, 1);

    [Fact]
    public void A_map_predicted_on_the_mirror_image_is_mirrored_back_and_unseen_pixels_are_left_out()
    {
        using var scope = NewDisposeScope();
        var map = new MapTargetSpec("Depth", 8, 8);
        var truth = arange(64, dtype: ScalarType.Float32).reshape(1, 64);
        var seenMirrored = truth.reshape(1, 8, 8).flip(2).reshape(1, 64);
        var mirror = TestTimeViews.ForBatch([-1, 0, 0, 0, 1, 0], 1, CPU);

        var back = map.FromView(seenMirrored, TestTimeViews.Invert(mirror), Input, TargetStatistics.Identity(64), 0);
        Assert.Equal(0.0, (back - truth).abs().max().item<float>());

        // Shifted two pixels right: the view never saw the two rightmost columns, which stay NaN and drop out of the average.
        var shift = TestTimeViews.ForBatch([1, 0, 2, 0, 1, 0], 1, CPU);
        var seenShifted = TestTimeViews.Render(truth.reshape(1, 1, 8, 8), shift).reshape(1, 64);
        var shiftedBack = map.FromView(seenShifted, TestTimeViews.Invert(shift), Input, TargetStatistics.Identity(64), 0).reshape(8, 8);
        Assert.True(shiftedBack[.., 6..].isnan().all().item<bool>());
        Assert.Equal(0.0, (shiftedBack[.., ..6] - truth.reshape(8, 8)[.., ..6]).abs().max().item<float>());
        var averaged = TestTimeViews.NanMean([truth, shiftedBack.reshape(1, 64)]);
        Assert.Equal(0.0, (averaged - truth).abs().max().item<float>());
    }

    [Fact]
    public void Mask_probabilities_are_mirrored_back_class_by_class()
    {
        using var scope = NewDisposeScope();
        var mask = new MaskTargetSpec("Parts", 8, 8, ["background", "cat"]);
        var cat = zeros(8, 8);
        cat[.., ..3] = tensor(0.9f); // the cat fills the left three columns
        var probabilities = stack([1 - cat, cat]).reshape(1, 128);
        var seenMirrored = stack([1 - cat.flip(1), cat.flip(1)]).reshape(1, 128);
        var mirror = TestTimeViews.ForBatch([-1, 0, 0, 0, 1, 0], 1, CPU);

        var back = mask.FromView(seenMirrored, TestTimeViews.Invert(mirror), Input, TargetStatistics.Identity(64), 0);

        Assert.Equal(0.0, (back - probabilities).abs().max().item<float>());
        var classes = mask.Decode(TestTimeViews.NanMean([probabilities, back]).data<float>().ToArray(), TargetStatistics.Identity(64), 0);
        Assert.Equal(1f, classes[2]);  // row 0, column 2: cat
        Assert.Equal(0f, classes[3]);  // row 0, column 3: background
    }
}
