using ImageDsl.Specs;
using static TorchSharp.torch;

namespace ImageDsl.Training;

/// <summary>
/// The loss of one target: picks its columns out of the encoded target matrix, brings them
/// to the head's scale (class indices, 0/1 flags, [-1, 1] for bounded values, standard units
/// for unbounded ones, sine and cosine for periodic ones) and applies the declared loss and
/// weight. Generated models add one of these per target.
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
    public static TargetLoss For(ModelSpec spec, int targetIndex)
    {
        int offset = spec.EncodedOffset(targetIndex);
        return spec.Targets[targetIndex] switch
        {
            LabelTargetSpec labels => new CrossEntropyLoss(offset, labels),
            BinaryTargetSpec binary => new BinaryLoss(offset, binary.LossWeight, 1, [binary.PositiveWeight]),
            MultiLabelTargetSpec multi => new BinaryLoss(offset, multi.LossWeight, multi.Labels.Count, multi.PositiveWeights.ToArray()),
            RangeTargetSpec range => new BoundedLoss(offset, range.LossWeight, 1, range.Min, range.Max, range.Loss, range.HuberDelta),
            PeriodicTargetSpec periodic => new PeriodicLoss(offset, periodic),
            ValueTargetSpec value => new StandardizedLoss(offset, value.LossWeight, 1, value.Loss, value.HuberDelta),
            VectorTargetSpec { IsBounded: true } vector =>
                new BoundedLoss(offset, vector.LossWeight, vector.Components.Count, vector.Min!.Value, vector.Max!.Value, vector.Loss, vector.HuberDelta),
            VectorTargetSpec vector => new StandardizedLoss(offset, vector.LossWeight, vector.Components.Count, vector.Loss, vector.HuberDelta),
            var other => throw new NotSupportedException($"No loss for target kind {other.GetType().Name}."),
        };
    }

    /// <summary>The weighted mean loss of a batch: <paramref name="output"/> is the head's output, <paramref name="targets"/> the full encoded matrix <c>[N, E]</c>.</summary>
    public Tensor Compute(Tensor output, Tensor targets) => Compute(output, targets, statistics: null);

    /// <summary>
    /// The weighted mean loss of a batch, with the training set's target statistics (needed by
    /// standardized targets; without them their values are taken as already in standard units).
    /// </summary>
    public Tensor Compute(Tensor output, Tensor targets, TargetStatistics? statistics)
    {
        using var scope = NewDisposeScope();
        var loss = Unweighted(output, targets, statistics);
        if (Weight != 1.0) loss = loss * Weight;
        return loss.MoveToOuterDisposeScope();
    }

    private protected abstract Tensor Unweighted(Tensor output, Tensor targets, TargetStatistics? statistics);

    /// <summary>A regression loss on values already at the head's scale; <paramref name="delta"/> is at that scale too.</summary>
    private protected static Tensor Regression(LossFunction loss, Tensor output, Tensor target, double delta) => loss switch
    {
        LossFunction.MeanAbsoluteError => nn.functional.l1_loss(output, target),
        LossFunction.Huber => nn.functional.huber_loss(output, target, delta: delta),
        LossFunction.SmoothL1 => nn.functional.smooth_l1_loss(output, target, beta: delta),
        _ => nn.functional.mse_loss(output, target),
    };

    private sealed class CrossEntropyLoss(int offset, LabelTargetSpec target) : TargetLoss(offset, target.LossWeight)
    {
        private readonly float[]? classWeights = target.ClassWeights?.Select(w => (float)w).ToArray();

        private protected override Tensor Unweighted(Tensor output, Tensor targets, TargetStatistics? statistics)
        {
            using var weights = classWeights is null ? null : tensor(classWeights);
            return nn.functional.cross_entropy(output, targets[.., Offset].to_type(ScalarType.Int64), weight: weights, label_smoothing: target.LabelSmoothing);
        }
    }

    /// <summary>Sigmoid binary cross-entropy per column: one for a bool target, one per label for a multi-label one.</summary>
    private sealed class BinaryLoss(int offset, double weight, int width, double[] positiveWeights) : TargetLoss(offset, weight)
    {
        private readonly float[] positive = positiveWeights.Select(w => (float)w).ToArray();
        private readonly bool weighted = positiveWeights.Any(w => w != 1.0);

        private protected override Tensor Unweighted(Tensor output, Tensor targets, TargetStatistics? statistics)
        {
            using var posWeights = weighted ? tensor(positive).reshape(1, width) : null;
            return nn.functional.binary_cross_entropy_with_logits(output, targets[.., Offset..(Offset + width)], pos_weights: posWeights);
        }
    }

    /// <summary>Values in [min, max] scaled to the head's [-1, 1]; the Huber delta is declared in user units.</summary>
    private sealed class BoundedLoss(int offset, double weight, int width, double min, double max, LossFunction loss, double huberDelta)
        : TargetLoss(offset, weight)
    {
        private readonly double scale = 2.0 / (max - min);

        private protected override Tensor Unweighted(Tensor output, Tensor targets, TargetStatistics? statistics)
        {
            var unit = (targets[.., Offset..(Offset + width)] - min) * scale - 1.0;
            return Regression(loss, output, unit, huberDelta * scale);
        }
    }

    /// <summary>Values in standard units of the training set; the Huber delta is declared in user units.</summary>
    private sealed class StandardizedLoss(int offset, double weight, int width, LossFunction loss, double huberDelta) : TargetLoss(offset, weight)
    {
        private protected override Tensor Unweighted(Tensor output, Tensor targets, TargetStatistics? statistics)
        {
            if (statistics is null) return Regression(loss, output, targets[.., Offset..(Offset + width)], huberDelta);
            var standard = statistics.Standardize(targets, Offset, width);
            // One delta for all components: the mean of the per-component deltas in standard units.
            double delta = huberDelta / statistics.Std.AsSpan(Offset, width).ToArray().Average();
            return Regression(loss, output, standard, delta);
        }
    }

    /// <summary>The head's (sine, cosine) against the target phase's; a delta in user units becomes the chord it spans.</summary>
    private sealed class PeriodicLoss(int offset, PeriodicTargetSpec target) : TargetLoss(offset, target.LossWeight)
    {
        private readonly double toRadians = 2 * Math.PI / target.Period;

        private protected override Tensor Unweighted(Tensor output, Tensor targets, TargetStatistics? statistics)
        {
            var phase = (targets[.., Offset..(Offset + 1)] - target.Min) * toRadians;
            var circle = cat([phase.sin(), phase.cos()], 1);
            return Regression(target.Loss, output, circle, Math.Min(2.0, target.HuberDelta * toRadians));
        }
    }
}
