using ImageDsl.Specs;
using static TorchSharp.torch;

namespace ImageDsl.Training;

/// <summary>
/// The loss of one target: picks its columns out of the encoded target matrix, brings them
/// to the head's scale and applies the declared loss and weight. Generated models add one
/// of these per target.
/// </summary>
public abstract class TargetLoss
{
    private protected TargetLoss(int offset, double weight)
    {
        Offset = offset;
        Weight = weight;
    }

    /// <summary>First column of this target in the encoded target matrix.</summary>
    public int Offset { get; }

    /// <summary>Weight of this loss in the total.</summary>
    public double Weight { get; }

    /// <summary>Creates the loss for target <paramref name="targetIndex"/> of <paramref name="spec"/>.</summary>
    public static TargetLoss For(ModelSpec spec, int targetIndex) => spec.Targets[targetIndex] switch
    {
        LabelTargetSpec labels => new CrossEntropyLoss(spec.EncodedOffset(targetIndex), labels),
        RangeTargetSpec range => new RangeLoss(spec.EncodedOffset(targetIndex), range),
        var other => throw new NotSupportedException($"No loss for target kind {other.GetType().Name}."),
    };

    /// <summary>The weighted mean loss of a batch: <paramref name="output"/> is the head's output, <paramref name="targets"/> the full encoded matrix <c>[N, E]</c>.</summary>
    public Tensor Compute(Tensor output, Tensor targets)
    {
        using var scope = NewDisposeScope();
        var loss = Unweighted(output, targets);
        if (Weight != 1.0) loss = loss * Weight;
        return loss.MoveToOuterDisposeScope();
    }

    private protected abstract Tensor Unweighted(Tensor output, Tensor targets);

    private sealed class CrossEntropyLoss(int offset, LabelTargetSpec target) : TargetLoss(offset, target.LossWeight)
    {
        private protected override Tensor Unweighted(Tensor output, Tensor targets) =>
            nn.functional.cross_entropy(output, targets[.., Offset].to_type(ScalarType.Int64), label_smoothing: target.LabelSmoothing);
    }

    private sealed class RangeLoss(int offset, RangeTargetSpec target) : TargetLoss(offset, target.LossWeight)
    {
        // The head predicts on [-1, 1]; the Huber delta is declared in user units.
        private readonly double scale = 2.0 / (target.Max - target.Min);

        private protected override Tensor Unweighted(Tensor output, Tensor targets)
        {
            var unit = (targets[.., Offset..(Offset + 1)] - target.Min) * scale - 1.0;
            return target.Loss switch
            {
                RegressionLoss.MeanAbsoluteError => nn.functional.l1_loss(output, unit),
                RegressionLoss.Huber => nn.functional.huber_loss(output, unit, delta: target.HuberDelta * scale),
                _ => nn.functional.mse_loss(output, unit),
            };
        }
    }
}
