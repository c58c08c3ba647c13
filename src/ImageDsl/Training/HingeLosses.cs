using static TorchSharp.torch;

namespace ImageDsl.Training;

/// <summary>
/// Hinge losses on raw scores (logits, not probabilities), as Keras defines them. A
/// hinge-trained head's scores are margins, not log-odds: a softmax or sigmoid of them keeps
/// their order, so the top label and ROC AUC (a ranking) stay meaningful, but its values are
/// not calibrated probabilities.
/// </summary>
public static class HingeLosses
{
    /// <summary>
    /// Keras' categorical hinge: mean over the batch of max(neg − pos + 1, 0) with
    /// pos = Σⱼ yⱼ·sⱼ and neg = maxⱼ (1 − yⱼ)·sⱼ. As in Keras, the true class enters the
    /// max as 0 (not left out), so with a one-hot target neg = max(0, best other score), and a
    /// sample scores 0 only once its true score is at least 1 above both 0 and every other score.
    /// </summary>
    /// <param name="scores">Raw scores [N, K].</param>
    /// <param name="targets">One-hot or soft targets [N, K], same shape.</param>
    /// <returns>A scalar tensor in the scores' dtype.</returns>
    /// <exception cref="ArgumentException">The shapes differ or are not [N, K].</exception>
    public static Tensor CategoricalHinge(Tensor scores, Tensor targets)
    {
        RequireMatrix(scores, nameof(scores));
        if (!targets.shape.SequenceEqual(scores.shape))
        {
            var hint = targets.dim() == 1 ? $" (for class indices use {nameof(CategoricalHingeForClasses)})" : "";
            throw new ArgumentException(
                $"Categorical hinge targets must have the scores' shape [{string.Join(", ", scores.shape)}]; got [{string.Join(", ", targets.shape)}]{hint}.",
                nameof(targets));
        }

        using var scope = NewDisposeScope();
        var y = targets.to_type(scores.dtype);
        var positive = (y * scores).sum(1);
        var negative = ((1 - y) * scores).amax(1);
        return (negative - positive + 1).clamp_min(0).mean().MoveToOuterDisposeScope();
    }

    /// <summary>
    /// <see cref="CategoricalHinge(Tensor, Tensor)"/> with one-hot targets given as class
    /// indices (the same value), optionally weighted by class: with weights w the result is
    /// Σᵢ w[yᵢ]·lossᵢ / Σᵢ w[yᵢ], the weighted mean cross-entropy takes in PyTorch.
    /// </summary>
    /// <param name="scores">Raw scores [N, K].</param>
    /// <param name="classes">True class indices [N], 0 … K − 1 (any integer dtype, or floats holding whole numbers).</param>
    /// <param name="classWeights">One weight ≥ 0 per class; all 1 when omitted.</param>
    /// <returns>A scalar tensor in the scores' dtype.</returns>
    /// <exception cref="ArgumentException">Shapes disagree, a class index is out of range, or a weight is negative or not finite.</exception>
    public static Tensor CategoricalHingeForClasses(Tensor scores, Tensor classes, IReadOnlyList<double>? classWeights = null)
    {
        RequireMatrix(scores, nameof(scores));
        long count = scores.shape[0], classCount = scores.shape[1];
        if (classes.dim() != 1 || classes.shape[0] != count)
        {
            throw new ArgumentException($"Categorical hinge needs one class index per image ({count}); got [{string.Join(", ", classes.shape)}].", nameof(classes));
        }

        if (classWeights is not null && (classWeights.Count != classCount || classWeights.Any(w => !(w >= 0) || double.IsInfinity(w))))
        {
            throw new ArgumentException(
                $"Categorical hinge class weights must be {classCount} finite numbers ≥ 0; got [{string.Join(", ", classWeights)}].", nameof(classWeights));
        }

        using var scope = NewDisposeScope();
        var indices = classes.to_type(ScalarType.Int64);
        if (count > 0)
        {
            long lowest = indices.min().item<long>(), highest = indices.max().item<long>();
            if (lowest < 0 || highest >= classCount || !classes.to_type(ScalarType.Float64).eq(indices.to_type(ScalarType.Float64)).all().item<bool>())
            {
                throw new ArgumentException($"Class indices must be whole numbers in 0 … {classCount - 1}; got values from {lowest} to {highest}.", nameof(classes));
            }
        }

        var column = indices.reshape(-1, 1);
        var positive = scores.gather(1, column).squeeze(1);
        // Keras' (1 − y)·s with one-hot y: the true class's entry becomes 0, the others stay.
        var negative = scores.scatter(1, column, zeros_like(column, dtype: scores.dtype)).amax(1);
        var perSample = (negative - positive + 1).clamp_min(0);
        if (classWeights is null)
        {
            return perSample.mean().MoveToOuterDisposeScope();
        }

        var weights = tensor(classWeights.ToArray(), dtype: scores.dtype, device: scores.device).index_select(0, indices);
        return ((perSample * weights).sum() / weights.sum()).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Hinge on one score per image: mean of max(0, 1 − t·s) with t = 2y − 1 ∈ {−1, +1} from
    /// 0/1 targets y. A positive weight scales the positives' terms (the mean is still over all
    /// N), as <c>pos_weight</c> does in binary cross-entropy.
    /// </summary>
    /// <param name="scores">Raw scores, e.g. [N, 1] or [N].</param>
    /// <param name="targets">0/1 targets of the same shape.</param>
    /// <param name="positiveWeight">Weight of the positives' terms; finite and ≥ 0.</param>
    /// <returns>A scalar tensor in the scores' dtype.</returns>
    /// <exception cref="ArgumentException">The shapes differ, a target is not 0 or 1, or the weight is negative or not finite.</exception>
    public static Tensor BinaryHinge(Tensor scores, Tensor targets, double positiveWeight = 1.0)
    {
        if (!targets.shape.SequenceEqual(scores.shape))
        {
            throw new ArgumentException(
                $"Binary hinge targets must have the scores' shape [{string.Join(", ", scores.shape)}]; got [{string.Join(", ", targets.shape)}].",
                nameof(targets));
        }

        if (!(positiveWeight >= 0) || double.IsInfinity(positiveWeight))
        {
            throw new ArgumentException($"The positive weight must be a finite number ≥ 0; got {positiveWeight}.", nameof(positiveWeight));
        }

        using var scope = NewDisposeScope();
        var y = targets.to_type(scores.dtype);
        if (!y.eq(0).logical_or(y.eq(1)).all().item<bool>())
        {
            throw new ArgumentException("Binary hinge targets must be 0 or 1.", nameof(targets));
        }

        var perSample = (1 - (2 * y - 1) * scores).clamp_min(0);
        if (positiveWeight != 1.0)
        {
            perSample = perSample * (1 + (positiveWeight - 1) * y);
        }

        return perSample.mean().MoveToOuterDisposeScope();
    }

    private static void RequireMatrix(Tensor scores, string paramName)
    {
        if (scores.dim() != 2 || scores.shape[1] < 2)
        {
            throw new ArgumentException($"Categorical hinge scores must be [N, K] with K ≥ 2; got [{string.Join(", ", scores.shape)}].", paramName);
        }
    }
}
