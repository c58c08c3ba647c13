using ImageDsl.Specs;
using ImageDsl.Training;
using static TorchSharp.torch;

namespace ImageDsl.Tests.Loop;

public class AugmentationTests
{
    private static readonly InputSpec Input = new(40, 32, 1);

    /// <summary>A dark image with one bright blob centred at (x, y), pixel units from the top-left corner.</summary>
    private static Tensor Blob(float x, float y)
    {
        var image = zeros(1, 1, Input.Height, Input.Width);
        for (int dy = -1; dy <= 1; dy++)
            for (int dx = -1; dx <= 1; dx++)
                image[0, 0, (int)(y - 0.5f) + dy, (int)(x - 0.5f) + dx] = 1f;
        return image;
    }

    private static (double X, double Y) Centroid(Tensor image)
    {
        var weights = image[0, 0];
        double total = weights.sum().item<float>();
        var xs = arange(Input.Width).to_type(ScalarType.Float32) + 0.5f;
        var ys = arange(Input.Height).to_type(ScalarType.Float32) + 0.5f;
        return ((weights * xs.unsqueeze(0)).sum().item<float>() / total, (weights * ys.unsqueeze(1)).sum().item<float>() / total);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Geometric_changes_move_points_exactly_as_they_move_the_image(int seed)
    {
        using var scope = NewDisposeScope();
        using var generator = new TorchSharp.torch.Generator((ulong)seed);
        var augmentation = new Augmentation { Shift = 5, Rotation = 40, Scale = 0.2, FlipHorizontal = true };
        var image = Blob(14.5f, 11.5f);

        var (moved, transforms) = Augment.Apply(image, augmentation, generator);

        var expected = Augment.TransformPoints(tensor(new float[] { 14.5f, 11.5f }).reshape(1, 1, 2), transforms!, Input);
        var (x, y) = Centroid(moved);
        Assert.InRange(x, expected[0, 0, 0].item<float>() - 0.6, expected[0, 0, 0].item<float>() + 0.6);
        Assert.InRange(y, expected[0, 0, 1].item<float>() - 0.6, expected[0, 0, 1].item<float>() + 0.6);
    }

    [Fact]
    public void Augmentation_is_seeded()
    {
        using var scope = NewDisposeScope();
        var augmentation = new Augmentation { Shift = 3, Rotation = 10, Brightness = 0.2, Contrast = 0.2, Noise = 0.05 };
        var images = rand(4, 1, 32, 40);
        using var a = new TorchSharp.torch.Generator(9);
        using var b = new TorchSharp.torch.Generator(9);
        using var c = new TorchSharp.torch.Generator(10);

        var first = Augment.Apply(images, augmentation, a).Images;
        var second = Augment.Apply(images, augmentation, b).Images;
        var third = Augment.Apply(images, augmentation, c).Images;

        Assert.True(first.equal(second).all().item<bool>());
        Assert.False(first.equal(third).all().item<bool>());
    }

    [Fact]
    public void Photometric_changes_keep_pixels_in_range_and_move_no_targets()
    {
        using var scope = NewDisposeScope();
        using var generator = new TorchSharp.torch.Generator(1);
        var (images, transforms) = Augment.Apply(rand(8, 3, 16, 16), new Augmentation { Brightness = 0.5, Contrast = 0.5, Noise = 0.2 }, generator);

        Assert.Null(transforms);
        Assert.InRange(images.min().item<float>(), 0f, 0f);
        Assert.InRange(images.max().item<float>(), 1f, 1f);
    }

    [Fact]
    public void Rotation_is_refused_for_a_rotation_angle_target_and_flips_for_sided_labels()
    {
        var angle = TestSpecs.Rotation();
        var sides = TestSpecs.Digits() with { Targets = [new LabelTargetSpec("Turn", ["Left", "Right", "Straight"])] };

        Assert.Contains("would change target Angle", Assert.Single(new Augmentation { Rotation = 10 }.Conflicts(angle)));
        Assert.Empty(new Augmentation { Shift = 3, Scale = 0.1 }.Conflicts(angle));
        Assert.Contains("labels name a side (Left, Right)", Assert.Single(new Augmentation { FlipHorizontal = true }.Conflicts(sides)));
        Assert.Empty(new Augmentation { Rotation = 10, FlipHorizontal = true }.Conflicts(TestSpecs.Digits()));
    }

    [Fact]
    public void Periodic_angles_and_every_kind_of_sided_label_are_protected_too()
    {
        var heading = TestSpecs.Digits() with { Targets = [new PeriodicTargetSpec("Heading", 0, 360, unit: "°")] };
        var phase = TestSpecs.Digits() with { Targets = [new PeriodicTargetSpec("Phase", 0, 24, unit: "h")] };
        var facing = TestSpecs.Digits() with { Targets = [new BinaryTargetSpec("FacesRight", negativeLabel: "left", positiveLabel: "right")] };
        var limbs = TestSpecs.Digits() with { Targets = [new MultiLabelTargetSpec("Limbs", ["LeftArm", "Head", "rightLeg"])] };

        Assert.Contains("would change target Heading (an angle in °)", Assert.Single(new Augmentation { Rotation = 5 }.Conflicts(heading)));
        Assert.Empty(new Augmentation { Rotation = 5 }.Conflicts(phase));
        Assert.Contains("(left, right)", Assert.Single(new Augmentation { FlipHorizontal = true }.Conflicts(facing)));
        Assert.Contains("(LeftArm, rightLeg)", Assert.Single(new Augmentation { FlipHorizontal = true }.Conflicts(limbs)));
    }

    [Theory]
    [InlineData("Shift", -1)]
    [InlineData("Shift", double.PositiveInfinity)]
    [InlineData("Rotation", 180.5)]
    [InlineData("Scale", 1)]
    [InlineData("Brightness", 1.01)]
    [InlineData("Contrast", -0.01)]
    [InlineData("Noise", double.NaN)]
    public void Every_value_out_of_range_is_refused_naming_its_property(string property, double value)
    {
        var augmentation = property switch
        {
            "Shift" => new Augmentation { Shift = value },
            "Rotation" => new Augmentation { Rotation = value },
            "Scale" => new Augmentation { Scale = value },
            "Brightness" => new Augmentation { Brightness = value },
            "Contrast" => new Augmentation { Contrast = value },
            _ => new Augmentation { Noise = value },
        };

        var error = Assert.Throws<ArgumentOutOfRangeException>(augmentation.Validate);

        Assert.Equal(property, error.ParamName);
        new Augmentation { Shift = 4, Rotation = 180, Scale = 0.99, Brightness = 1, Contrast = 0.99, Noise = 1 }.Validate();
    }

    [Fact]
    public void Invalid_augmentation_names_the_property()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Augmentation { Scale = 1.5 }.Validate());
        Assert.Equal("Scale", error.ParamName);
    }
}
