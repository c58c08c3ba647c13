using ImageDsl.Specs;
using ImageDsl.Training;
using static TorchSharp.torch;

namespace ImageDsl.Tests.Loop;

/// <summary>A target declared as the image's own rotation must turn exactly as augmentation turns the image.</summary>
public class ImageRotationTargetTests
{
    private static readonly InputSpec Input = new(41, 41, 1);

    /// <summary>A bar from the image's centre towards the right edge: it points at 0 degrees counter-clockwise.</summary>
    private static Tensor BarPointingRight()
    {
        var image = zeros(1, 1, Input.Height, Input.Width);
        image[0, 0, TensorIndex.Slice(19, 22), TensorIndex.Slice(26, 38)] = 1f;
        return image;
    }

    /// <summary>The direction of the ink's centroid from the image centre, counter-clockwise degrees as seen on screen (y grows downwards).</summary>
    private static double InkDirection(Tensor image)
    {
        var weights = image[0, 0];
        double total = weights.sum().item<float>();
        var xs = arange(Input.Width).to_type(ScalarType.Float32) + 0.5f - Input.Width / 2f;
        var ys = arange(Input.Height).to_type(ScalarType.Float32) + 0.5f - Input.Height / 2f;
        double x = (weights * xs.unsqueeze(0)).sum().item<float>() / total;
        double y = (weights * ys.unsqueeze(1)).sum().item<float>() / total;
        return Math.Atan2(-y, x) * 180 / Math.PI;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public void A_counter_clockwise_angle_follows_the_image_through_turns_and_flips(int seed)
    {
        using var scope = NewDisposeScope();
        using var generator = new TorchSharp.torch.Generator((ulong)seed);
        var counterClockwise = new RangeTargetSpec("Angle", -180, 180, unit: "degrees", imageRotation: RotationSense.CounterClockwise);
        var clockwise = new RangeTargetSpec("Angle", -180, 180, unit: "deg", imageRotation: RotationSense.Clockwise);
        var (moved, transforms) = Augment.Apply(BarPointingRight(), new Augmentation { Rotation = 170, FlipHorizontal = true }, generator);
        var angle = tensor(new float[] { 0 }).reshape(1, 1);

        double seen = InkDirection(moved);
        double turned = counterClockwise.Move(angle, transforms!, Input).item<float>();
        double turnedClockwise = clockwise.Move(angle, transforms!, Input).item<float>();
        bool flipped = Augment.Decompose(transforms!).Flip.item<float>() < 0;

        // The mirror of an upright bar pointing right is an upright (0 degree) shape pointing
        // left, so a flipped image's ink points 180 degrees away from its turn.
        double expected = flipped ? seen - 180 : seen;
        Assert.InRange(CircularGap(turned, expected), 0, 3);
        Assert.InRange(CircularGap(turnedClockwise, -expected), 0, 3);
    }

    private static double CircularGap(double a, double b)
    {
        double d = Math.Abs(a - b) % 360;
        return Math.Min(d, 360 - d);
    }

    [Fact]
    public void Turns_keep_a_bounded_angle_in_its_range_and_still_turn_most_images()
    {
        using var scope = NewDisposeScope();
        using var generator = new TorchSharp.torch.Generator(3);
        var spec = new ModelSpec("R", Input, Backbone.SmallCnn, [new RangeTargetSpec("Angle", -45, 45, unit: "degrees", imageRotation: RotationSense.CounterClockwise)]);
        var targets = (rand(256, 1) * 90 - 45);
        var augmentation = new Augmentation { Rotation = 45, FlipHorizontal = true };

        var window = GeometricTargets.Window(spec, targets);
        var (_, transforms) = Augment.Apply(zeros(256, 1, Input.Height, Input.Width), augmentation, generator, window);
        var moved = GeometricTargets.Move(spec, targets, transforms!);
        var (turn, _) = Augment.Decompose(transforms!);

        // Within the range before the final clamp: the window alone keeps the values in.
        var unclamped = ImageRotationRules.Turn(targets, transforms!, ImageRotationRules.PerTurnRadian(RotationSense.CounterClockwise, "degrees"));
        Assert.InRange(unclamped.min().item<float>(), -45.001f, 45f);
        Assert.InRange(unclamped.max().item<float>(), -45f, 45.001f);
        Assert.True((turn.abs() > 0.05).to_type(ScalarType.Float32).mean().item<float>() > 0.8, "most images should be turned");
        Assert.True(moved.sub(targets).abs().max().item<float>() > 30, "turns should reach far into the range");
    }

    [Fact]
    public void A_periodic_image_rotation_wraps_around_the_circle()
    {
        using var scope = NewDisposeScope();
        var heading = new PeriodicTargetSpec("Heading", 0, 360, unit: "degrees", imageRotation: RotationSense.Clockwise);
        // The forward transform's positive turn looks clockwise on screen: 90 degrees of it.
        var quarter = tensor(new float[] { 0, -1, 0, 1, 0, 0 }).reshape(1, 2, 3);

        var moved = heading.Move(tensor(new float[] { 300 }).reshape(1, 1), quarter, Input).item<float>();

        Assert.Equal(30, moved, 3);
    }

    [Fact]
    public void Rotation_and_flips_are_refused_for_angles_unless_declared_as_the_image_rotation()
    {
        ModelSpec With(TargetSpec target) => new("S", Input, Backbone.SmallCnn, [target]);
        var plainAngle = new RangeTargetSpec("Angle", -45, 45, unit: "degrees");
        var declared = plainAngle with { ImageRotation = RotationSense.CounterClockwise };
        var heading = new PeriodicTargetSpec("Heading", 0, 360, unit: "°");

        Assert.Contains("declare ImageRotation", Assert.Single(new Augmentation { Rotation = 10 }.Conflicts(With(plainAngle))));
        Assert.Contains("a mirror turns it the other way", Assert.Single(new Augmentation { FlipHorizontal = true }.Conflicts(With(plainAngle))));
        Assert.Single(new Augmentation { Rotation = 10 }.Conflicts(With(heading)));
        Assert.Empty(new Augmentation { Rotation = 30, FlipHorizontal = true, Shift = 2 }.Conflicts(With(declared)));
        Assert.Throws<ArgumentException>(() => new RangeTargetSpec("Age", 0, 90, unit: "years", imageRotation: RotationSense.Clockwise));
    }
}
