using ImageDsl.Specs;
using static TorchSharp.torch;

namespace ImageDsl.Training;

/// <summary>
/// A value map's loss on its valid pixels only (the encoded NaNs are left out), in the head's
/// scale (ln(value) for a log map, [-1, 1] for a bounded one): L1, MSE, Huber, or the
/// scale-invariant log loss of Eigen et al. (2014), per image
/// <c>mean(d²) - ½ mean(d)²</c> with <c>d = ln(pred) - ln(true)</c>, averaged over the batch.
/// </summary>
internal sealed class MapLoss(int offset, double weight, MapTargetSpec map) : TargetLoss(offset, weight)
{
    private protected override Tensor Unweighted(Tensor output, Tensor targets, TargetStatistics? statistics)
    {
        long n = output.shape[0];
        var truth = targets.narrow(1, Offset, map.EncodedWidth);
        var valid = truth.isfinite();
        var weights = valid.to_type(ScalarType.Float32);
        var safeTruth = where(valid, truth, full_like(truth, map.Log ? 1.0 : 0.0));
        var predicted = output.reshape(n, -1);
        var count = weights.sum().clamp_min(1);
        switch (map.Loss)
        {
            case LossFunction.ScaleInvariantLog:
            {
                var logPredicted = map.Log ? predicted : map.FromHead(predicted).clamp_min(1e-6).log();
                var d = (logPredicted - safeTruth.clamp_min(1e-6).log()) * weights;
                var perImage = weights.sum(1).clamp_min(1);
                var mean = d.sum(1) / perImage;
                return ((d * d).sum(1) / perImage - 0.5 * mean * mean).mean();
            }
            case LossFunction.MeanSquaredError:
            {
                var d = (predicted - map.ToHead(safeTruth)) * weights;
                return (d * d).sum() / count;
            }
            case LossFunction.Huber:
            {
                var each = nn.functional.huber_loss(predicted, map.ToHead(safeTruth), reduction: nn.Reduction.None, delta: map.HuberDelta);
                return (each * weights).sum() / count;
            }
            default:
                return ((predicted - map.ToHead(safeTruth)).abs() * weights).sum() / count;
        }
    }
}
