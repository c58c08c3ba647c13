using static TorchSharp.torch;

namespace ImageDsl.Specs;

/// <summary>
/// The mean and standard deviation of every encoded target column on the training set, for the
/// columns of standardized targets (<see cref="TargetSpec.IsStandardized"/>: unbounded values and
/// vectors); other columns keep 0 and 1. Measured by the first Train, saved with the model, and
/// used to put targets into standard units for the loss and predictions back into the user's.
/// </summary>
/// <param name="Mean">Mean per encoded column.</param>
/// <param name="Std">Standard deviation per encoded column (at least a tiny positive number).</param>
public sealed record TargetStatistics(float[] Mean, float[] Std)
{
    /// <summary>0 and 1 for every column: what an untrained model uses.</summary>
    public static TargetStatistics Identity(int width) => new(new float[width], Enumerable.Repeat(1f, width).ToArray());

    /// <summary>Measures the standardized targets' columns of <paramref name="targets"/> (<c>[N, E]</c> encoded).</summary>
    public static TargetStatistics Measure(ModelSpec spec, Tensor targets)
    {
        var result = Identity(spec.EncodedWidth);
        if (!spec.Targets.Any(t => t.IsStandardized) || targets.shape[0] == 0) return result;
        using var scope = NewDisposeScope();
        var x = targets.to_type(ScalarType.Float64);
        var mean = x.mean([0]).cpu().data<double>().ToArray();
        var std = targets.shape[0] > 1 ? x.std([0]).cpu().data<double>().ToArray() : new double[mean.Length];
        for (int t = 0; t < spec.Targets.Count; t++)
        {
            if (!spec.Targets[t].IsStandardized) continue;
            int offset = spec.EncodedOffset(t);
            for (int c = offset; c < offset + spec.Targets[t].EncodedWidth; c++)
            {
                result.Mean[c] = (float)mean[c];
                // A constant column keeps a unit scale: the head then learns the constant exactly.
                result.Std[c] = std[c] > 1e-6 * Math.Max(1, Math.Abs(mean[c])) ? (float)std[c] : 1f;
            }
        }
        return result;
    }

    /// <summary>Columns <paramref name="offset"/>..+<paramref name="width"/> of <paramref name="targets"/> in standard units.</summary>
    public Tensor Standardize(Tensor targets, int offset, int width)
    {
        using var scope = NewDisposeScope();
        var mean = tensor(Mean.AsSpan(offset, width).ToArray(), device: targets.device).reshape(1, width);
        var std = tensor(Std.AsSpan(offset, width).ToArray(), device: targets.device).reshape(1, width);
        return ((targets[.., offset..(offset + width)] - mean) / std).MoveToOuterDisposeScope();
    }

    /// <summary>A value of column <paramref name="column"/> in standard units back in the user's.</summary>
    public double FromStandard(int column, double standard) => Mean[column] + Std[column] * standard;

    /// <summary>Value equality over the arrays, so saved and loaded statistics compare equal.</summary>
    public bool Equals(TargetStatistics? other) =>
        other is not null && Mean.AsSpan().SequenceEqual(other.Mean) && Std.AsSpan().SequenceEqual(other.Std);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Mean.Length, Mean.FirstOrDefault(), Std.FirstOrDefault());
}
