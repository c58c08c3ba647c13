using ImageDsl.Specs;

namespace ImageDsl.Modeling;

/// <summary>
/// The decoded outputs of one image, per target: probabilities in label order for a
/// label target, the value in the user's units for a range target. Generated models turn
/// this into their typed <c>Prediction</c> record.
/// </summary>
public sealed class PredictionOutputs
{
    private readonly float[][] values;

    internal PredictionOutputs(ModelSpec spec, float[][] values)
    {
        Spec = spec;
        this.values = values;
    }

    /// <summary>The spec the outputs belong to.</summary>
    public ModelSpec Spec { get; }

    /// <summary>Probabilities of target <paramref name="target"/>'s labels, in label order.</summary>
    public float[] Probabilities(int target) => values[target];

    /// <summary>The index of the most probable label of target <paramref name="target"/>.</summary>
    public int LabelIndex(int target)
    {
        var p = values[target];
        int best = 0;
        for (int i = 1; i < p.Length; i++) if (p[i] > p[best]) best = i;
        return best;
    }

    /// <summary>The predicted value of range target <paramref name="target"/>, in user units.</summary>
    public double Value(int target) => values[target][0];
}
