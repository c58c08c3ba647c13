using ImageDsl.Native;
using ImageDsl.Specs;
using ImageDsl.Tests.Generator.Fixtures;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using TorchSharp;

namespace ImageDsl.Tests.Generator;

/// <summary>The code generated into this test project works against the real runtime.</summary>
public class GeneratedModelTests
{
    [Fact]
    public void The_spec_is_built_from_the_attributes()
    {
        var spec = SmokeSpec.Spec;

        Assert.Equal("ImageDsl.Tests.Generator.Fixtures.SmokeSpec", spec.Name);
        Assert.Equal(new InputSpec(16, 12, 3), spec.Input);
        var shape = Assert.IsType<LabelTargetSpec>(spec.Targets[0]);
        Assert.Equal(["Circle", "Square", "Triangle"], shape.Labels);
        var size = Assert.IsType<RangeTargetSpec>(spec.Targets[1]);
        Assert.Equal((0.0, 10.0, "px"), (size.Min, size.Max, size.Unit));
        Assert.Equal([SmokeShape.Circle, SmokeShape.Square, SmokeShape.Triangle], SmokeSpec.ShapeLabels);
    }

    [Fact]
    public void Image_rotation_and_points_reach_the_spec_so_geometric_augmentation_moves_them()
    {
        var spec = MovingSpec.Spec;

        Assert.Equal(RotationSense.CounterClockwise, Assert.IsType<RangeTargetSpec>(spec.Targets[0]).ImageRotation);
        Assert.True(Assert.IsType<VectorTargetSpec>(spec.Targets[1]).Points);
        Assert.Equal(BoxFormat.XYXY, Assert.IsType<VectorTargetSpec>(spec.Targets[2]).Box);
        Assert.Empty(new ImageDsl.Training.Augmentation { Shift = 2, Rotation = 10, Scale = 0.1, FlipHorizontal = true }.Conflicts(spec));
    }

    [Fact]
    public void A_model_encodes_labels_runs_its_network_and_predicts()
    {
        LibTorch.EnsureLoaded();
        using var model = SmokeSpec.Model.Create(seed: 1);
        model.AllowUntrained = true; // the plumbing is under test, not what was learned

        var dataset = model.CreateDataset([("a.png", new SmokeSpec { Shape = SmokeShape.Triangle, Size = 2.5f })]);
        Assert.Equal([2f, 2.5f], dataset.Samples[0].Targets);

        using (var scope = torch.NewDisposeScope())
        {
            var outputs = model.Network.call(torch.zeros(2, 3, 12, 16));
            Assert.Equal([[2L, 3L], [2L, 1L]], outputs.Select(o => o.shape).ToArray());
        }

        using var image = new Image<Rgb24>(40, 30);
        var prediction = model.Predict(image);
        Assert.Contains(prediction.Shape, SmokeSpec.ShapeLabels);
        Assert.Equal(1f, prediction.ShapeProbabilities.Values.Sum(), 3);
        Assert.InRange(prediction.Size, 0f, 10f);
    }
}
