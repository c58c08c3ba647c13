using ImageDsl.Specs;
using static TorchSharp.torch;

namespace ImageDsl.Training;

/// <summary>
/// The loss of one target: picks its columns out of the encoded target matrix, brings them
/// to the head's scale (class indices, 0/1 flags, [-1, 1] for bounded values, standard units
/// for unbounded ones, sine and cosine for periodic ones) and applies the declared loss and
/// weight. Each kind creates its own (<c>TargetSpec.CreateLoss</c>); the model trains on their sum.
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

    /// <summary>Creates the loss for target <paramref name="targetIndex"/> of <paramref name="spec"/>, as its kind defines it.</summary>
    public static TargetLoss For(ModelSpec spec, int targetIndex) => spec.Targets[targetIndex].CreateLoss(spec.EncodedOffset(targetIndex));

    /// <summary>The weighted sum of every target's loss: what training minimizes.</summary>
    /// <param name="losses">One loss per target, in spec order.</param>
    /// <param name="outputs">One head output per target, in spec order.</param>
    /// <param name="targets">The encoded target matrix <c>[N, E]</c>.</param>
    /// <param name="statistics">The training set's target statistics.</param>
    internal static Tensor Total(IReadOnlyList<TargetLoss> losses, Tensor[] outputs, Tensor targets, TargetStatistics? statistics)
    {
        using var scope = NewDisposeScope();
        var total = losses[0].Compute(outputs[0], targets, statistics);
        for (int t = 1; t < losses.Count; t++) total = total + losses[t].Compute(outputs[t], targets, statistics);
        return total.MoveToOuterDisposeScope();
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
    internal static Tensor Regression(LossFunction loss, Tensor output, Tensor target, double delta) => loss switch
    {
        LossFunction.MeanAbsoluteError => nn.functional.l1_loss(output, target),
        LossFunction.Huber => nn.functional.huber_loss(output, target, delta: delta),
        LossFunction.SmoothL1 => nn.functional.smooth_l1_loss(output, target, beta: delta),
        _ => nn.functional.mse_loss(output, target),
    };

    /// <summary>Values in [min, max] scaled to the head's [-1, 1]; the Huber delta is declared in user units.</summary>
    internal sealed class BoundedLoss(int offset, double weight, int width, double min, double max, LossFunction loss, double huberDelta)
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
    internal sealed class StandardizedLoss(int offset, double weight, int width, LossFunction loss, double huberDelta) : TargetLoss(offset, weight)
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
}
