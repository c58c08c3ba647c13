using ImageDsl.Specs;

namespace ImageDsl.Modeling;

/// <summary>
/// The decoded outputs of one image, per target, in user terms: probabilities in label order
/// for a multi-class target, the probability of true for a binary one, one probability per
/// label for a multi-label one, and values in the user's units for regression targets.
/// Generated models turn this into their typed <c>Prediction</c> record.
/// </summary>
public sealed class PredictionOutputs
{
    private readonly float[][] values;
    private readonly PredictionInterval[]?[]? intervals;
    private readonly float[]?[]? scaleInputs;

    internal PredictionOutputs(ModelSpec spec, float[][] values, PredictionInterval[]?[]? intervals = null, float[]?[]? scaleInputs = null)
    {
        Spec = spec;
        this.values = values;
        this.intervals = intervals;
        this.scaleInputs = scaleInputs;
    }

    /// <summary>What a learned interval scale reads for target <paramref name="target"/>, per component (see <c>TargetSpec.ScaleInputs</c>): its decoded values unless its kind gives something else.</summary>
    internal float[] ScaleInputs(int target) => scaleInputs?[target] ?? values[target];

    /// <summary>Target <paramref name="target"/>'s decoded floats, whatever its kind, as its kind's <c>Decode</c> wrote them (the array itself, not a copy).</summary>
    internal float[] Decoded(int target) => values[target];

    /// <summary>The spec the outputs belong to.</summary>
    public ModelSpec Spec { get; }

    /// <summary>Probabilities of target <paramref name="target"/>'s labels, in label order (multi-class and multi-label targets; the raw scores of a target trained on them; an ordinal target's per-rank probabilities).</summary>
    public float[] Probabilities(int target) => values[target];

    /// <summary>The index of the most probable label of target <paramref name="target"/>.</summary>
    public int LabelIndex(int target)
    {
        var p = values[target];
        int best = 0;
        for (int i = 1; i < p.Length; i++) if (p[i] > p[best]) best = i;
        return best;
    }

    /// <summary>The predicted value of a scalar regression target (range, periodic, value), in user units.</summary>
    public double Value(int target) => values[target][0];

    /// <summary>The probability that binary target <paramref name="target"/> is true.</summary>
    public float Probability(int target) => values[target][0];

    /// <summary>Whether binary target <paramref name="target"/> is predicted true: its probability is at least the declared threshold (one trained on raw scores: its score at least 0).</summary>
    public bool IsPositive(int target) => Spec.Targets[target].Present(values[target])[0];

    /// <summary>Per label of multi-label target <paramref name="target"/>, whether it is predicted present (probability at least its threshold).</summary>
    public bool[] Present(int target) => Spec.Targets[target].Present(values[target]);

    /// <summary>The predicted components of vector target <paramref name="target"/>, in user units (a copy).</summary>
    public float[] Values(int target) => (float[])values[target].Clone();

    /// <summary>
    /// The prediction interval of scalar regression target <paramref name="target"/> in user units,
    /// or null when the model's intervals are not calibrated (see <c>CalibrateIntervals</c>).
    /// </summary>
    public PredictionInterval? Interval(int target) => intervals?[target] is { Length: > 0 } i ? i[0] : null;

    /// <summary>The prediction interval of each component of vector target <paramref name="target"/>, or null when not calibrated.</summary>
    public IReadOnlyList<PredictionInterval>? Intervals(int target) => intervals?[target];
}
