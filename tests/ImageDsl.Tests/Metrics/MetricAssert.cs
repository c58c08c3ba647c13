namespace ImageDsl.Tests.Metrics;

/// <summary>Assertions for metric values computed by hand, where only rounding may differ.</summary>
internal static class MetricAssert
{
    public static void Near(double expected, double? actual, double tolerance = 1e-12)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected, actual.Value, tolerance);
    }

    /// <summary>The metric is null and its reason mentions <paramref name="reasonPart"/>.</summary>
    public static void Undefined(double? actual, IReadOnlyDictionary<string, string> reasons, string metric, string reasonPart)
    {
        Assert.Null(actual);
        Assert.True(reasons.TryGetValue(metric, out var reason), $"no reason given for {metric}");
        Assert.Contains(reasonPart, reason, StringComparison.Ordinal);
    }
}
