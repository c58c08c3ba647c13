using ImageDsl.Specs;
using ImageDsl.Training;
using static TorchSharp.torch;

namespace ImageDsl.Tests.Targets;

/// <summary>The runtime half of each target kind: parsing text, encodings, losses and circular arithmetic.</summary>
public class TargetSpecTests
{
    [Fact]
    public void Each_kind_encodes_text_and_explains_what_it_cannot_read()
    {
        var binary = new BinaryTargetSpec("IsDefect", negativeLabel: "ok", positiveLabel: "defect");
        var multi = new MultiLabelTargetSpec("Tags", ["Even", "Loop"], aliases: ["1", "2"]);
        var periodic = new PeriodicTargetSpec("Heading", 0, 360);
        var vector = new VectorTargetSpec("Box", ["X", "Y", "W", "H"], min: 0, max: 64, box: BoxFormat.XYWH);
        var buffer = new float[4];

        Assert.Null(binary.TryEncode("Defect", buffer));
        Assert.Equal(1f, buffer[0]);
        Assert.Null(binary.TryEncode("no", buffer));
        Assert.Equal(0f, buffer[0]);
        Assert.Contains("expected defect or ok", binary.TryEncode("maybe", buffer));

        Assert.Null(multi.TryEncode("loop | even", buffer));
        Assert.Equal([1f, 1f], buffer[..2]);
        Assert.Null(multi.TryEncode("", buffer));
        Assert.Equal([0f, 0f], buffer[..2]);
        Assert.Contains("'Odd' is not a label of Tags", multi.TryEncode("Even|Odd", buffer));

        Assert.Null(periodic.TryEncode("360", buffer));
        Assert.Equal(0f, buffer[0]);
        Assert.Contains("outside Heading's period", periodic.TryEncode("361", buffer));

        Assert.Null(vector.TryEncode("1;2;30;40", buffer));
        Assert.Equal([1f, 2f, 30f, 40f], buffer);
        Assert.Contains("needs 4 (X, Y, W, H)", vector.TryEncode("1;2", buffer));
        Assert.Contains("70 is outside Box.H's declared range [0, 64]", vector.TryEncode("1;2;3;70", buffer));
    }

    [Theory]
    [InlineData(359, 1, -2)]
    [InlineData(1, 359, 2)]
    [InlineData(180, 0, -180)]
    [InlineData(10, 350, 20)]
    public void Periodic_errors_go_the_short_way_round(double predicted, double actual, double expected)
    {
        var heading = new PeriodicTargetSpec("Heading", 0, 360, unit: "degrees");
        Assert.Equal(expected, heading.Difference(predicted, actual), 9);
    }

    [Theory]
    [InlineData(0, 1, 0)]
    [InlineData(1, 0, 90)]
    [InlineData(0, -1, 180)]
    [InlineData(-1, 0, 270)]
    [InlineData(-0.0001, 1, 359.99)]
    public void A_point_on_the_circle_reads_back_as_a_value_in_the_period(double sine, double cosine, double expected)
    {
        var heading = new PeriodicTargetSpec("Heading", 0, 360);
        Assert.Equal(expected, heading.FromSineCosine(sine, cosine), 2);
        var signed = new PeriodicTargetSpec("Heading", -180, 180);
        Assert.InRange(signed.FromSineCosine(sine, cosine), -180, 180);
    }

    [Fact]
    public void Kinds_that_move_with_the_image_turn_shift_augmentation_off()
    {
        Assert.True(new LabelTargetSpec("D", ["a", "b"]).IsShiftInvariant);
        Assert.True(new BinaryTargetSpec("B").IsShiftInvariant);
        Assert.True(new PeriodicTargetSpec("P", 0, 360).IsShiftInvariant);
        Assert.True(new ValueTargetSpec("V").IsShiftInvariant);
        Assert.False(new VectorTargetSpec("Box", ["X", "Y", "W", "H"], box: BoxFormat.XYWH).IsShiftInvariant);
        Assert.False(new VectorTargetSpec("Keypoints", ["0", "1"]).IsShiftInvariant);
    }

    [Fact]
    public void Statistics_standardize_only_unbounded_targets()
    {
        var spec = new ModelSpec("S", new InputSpec(8, 8, 1), Backbone.SmallCnn,
            [new RangeTargetSpec("R", 0, 10), new ValueTargetSpec("V"), new VectorTargetSpec("P", ["X", "Y"])]);
        using var targets = tensor(new float[] { 1, 100, 5, 50, 3, 300, 7, 50, 5, 200, 9, 50 }, [3, 4]);

        var statistics = TargetStatistics.Measure(spec, targets);

        Assert.Equal([0f, 200f, 7f, 50f], statistics.Mean);
        Assert.Equal([1f, 100f, 2f, 1f], statistics.Std); // R untouched; P.Y is constant, so it keeps a unit scale
        using var standard = statistics.Standardize(targets, 1, 3);
        Assert.Equal([-1f, -1f, 0f], standard[0].data<float>().ToArray());
        Assert.Equal(250.0, statistics.FromStandard(1, 0.5), 6);
    }

    [Fact]
    public void Losses_of_every_kind_are_finite_and_weighted()
    {
        var spec = new ModelSpec("S", new InputSpec(8, 8, 1), Backbone.SmallCnn,
        [
            new LabelTargetSpec("L", ["a", "b", "c"], classWeights: [1, 2, 3]),
            new BinaryTargetSpec("B", positiveWeight: 3),
            new MultiLabelTargetSpec("M", ["x", "y"], positiveWeights: [1, 2]),
            new PeriodicTargetSpec("P", 0, 360, loss: LossFunction.Huber, huberDelta: 5),
            new ValueTargetSpec("V", loss: LossFunction.SmoothL1, lossWeight: 2),
            new VectorTargetSpec("Box", ["X", "Y", "W", "H"], min: 0, max: 64, loss: LossFunction.MeanAbsoluteError, box: BoxFormat.XYWH),
        ]);
        using var scope = NewDisposeScope();
        var targets = tensor(new float[] { 2, 1, 1, 0, 350, 1000, 1, 2, 30, 40, 0, 0, 0, 1, 10, 900, 5, 6, 20, 20 }, [2, 10]);
        var statistics = TargetStatistics.Measure(spec, targets);
        var outputs = spec.Targets.Select(t => zeros(2, t.OutputWidth)).ToArray();

        var losses = Enumerable.Range(0, spec.Targets.Count).Select(i => TargetLoss.For(spec, i).Compute(outputs[i], targets, statistics).item<float>()).ToArray();

        Assert.All(losses, l => Assert.True(float.IsFinite(l) && l >= 0, $"loss {l}"));
        Assert.Equal(2.0, TargetLoss.For(spec, 4).Weight);
        // Value V: standardized targets are -1 and 1, output 0: smooth L1 (delta in user units / std) near |1| - delta/2.
        Assert.InRange(losses[4], 1.0, 2.0);
    }
}
