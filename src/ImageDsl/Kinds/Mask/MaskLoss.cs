using ImageDsl.Specs;
using static TorchSharp.torch;

namespace ImageDsl.Training;

/// <summary>
/// A mask's loss: per-pixel cross-entropy (class-weighted if declared; ignored pixels left out),
/// plus, for <see cref="LossFunction.CrossEntropyDice"/>, the soft Dice loss averaged over classes.
/// </summary>
internal sealed class MaskLoss(int offset, double weight, MaskTargetSpec mask) : TargetLoss(offset, weight)
{
    private protected override Tensor Unweighted(Tensor output, Tensor targets, TargetStatistics? statistics)
    {
        long n = output.shape[0];
        var labels = targets.narrow(1, Offset, mask.EncodedWidth).reshape(n, mask.Height, mask.Width).to_type(ScalarType.Int64);
        // Made for each call on the output's device (a copy kept from an earlier call could be on another).
        using var classWeights = mask.ClassWeights is { } declared ? tensor(declared.Select(w => (float)w).ToArray(), device: output.device) : null;
        var loss = nn.functional.cross_entropy(output, labels, weight: classWeights, ignore_index: -1);
        if (mask.Loss != LossFunction.CrossEntropyDice) return loss;

        var valid = (labels >= 0).unsqueeze(1).to_type(ScalarType.Float32);
        var probabilities = nn.functional.softmax(output, 1) * valid;
        var truth = nn.functional.one_hot(labels.clamp_min(0), mask.Classes.Count).permute(0, 3, 1, 2).to_type(ScalarType.Float32) * valid;
        var intersection = (probabilities * truth).sum([0, 2, 3]);
        var total = probabilities.sum([0, 2, 3]) + truth.sum([0, 2, 3]);
        var dice = (2 * intersection + 1) / (total + 1);
        return loss + (1 - dice.mean());
    }
}
