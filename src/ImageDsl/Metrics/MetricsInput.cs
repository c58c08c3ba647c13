namespace ImageDsl.Metrics;

/// <summary>
/// Argument checks shared by the accumulators. A wrong length, an out-of-range class or a
/// NaN score is a bug in the caller, not an undefined metric, so it throws at
/// <c>Add</c>, where the faulty batch can still be found, rather than surfacing later as
/// a silently wrong number.
/// </summary>
internal static class MetricsInput
{
    public const string NoSamplesReason = "no samples were added";

    public static string[] Labels(IReadOnlyList<string> labels, int minimum, string paramName)
    {
        ArgumentNullException.ThrowIfNull(labels, paramName);
        if (labels.Count < minimum)
        {
            throw new ArgumentException($"At least {minimum} label(s) are needed; got {labels.Count}.", paramName);
        }

        var copy = labels.ToArray();
        if (copy.Any(l => l is null))
        {
            throw new ArgumentException("Labels must not be null.", paramName);
        }

        return copy;
    }

    public static void Length<T>(ReadOnlySpan<T> values, int expected, string paramName)
    {
        if (values.Length != expected)
        {
            throw new ArgumentException($"Expected {expected} value(s), got {values.Length}.", paramName);
        }
    }

    public static void Finite(ReadOnlySpan<double> values, string paramName)
    {
        for (var i = 0; i < values.Length; i++)
        {
            Finite(values[i], paramName, i);
        }
    }

    public static void Finite(double value, string paramName, int index = 0)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"Value {value} at index {index} is not finite.", paramName);
        }
    }

    /// <summary>Widens floats to doubles into <paramref name="buffer"/>, growing it when needed.</summary>
    public static ReadOnlySpan<double> Widen(ReadOnlySpan<float> values, ref double[] buffer)
    {
        if (buffer.Length < values.Length)
        {
            buffer = new double[values.Length];
        }

        for (var i = 0; i < values.Length; i++)
        {
            buffer[i] = values[i];
        }

        return buffer.AsSpan(0, values.Length);
    }
}
