namespace ImageDsl.Metrics;

/// <summary>
/// Collects why metrics are undefined while a result is assembled, so that every
/// <c>null</c> a result exposes carries its reason under the property's name.
/// </summary>
internal sealed class UndefinedMetrics
{
    private readonly Dictionary<string, string> _reasons = new(StringComparer.Ordinal);

    /// <summary>Returns <paramref name="value"/>, or records <paramref name="reason"/> for
    /// <paramref name="metric"/> when the value is null.</summary>
    public double? Check(string metric, double? value, string reason)
    {
        if (value is null)
        {
            _reasons[metric] = reason;
        }

        return value;
    }

    /// <summary>Records that <paramref name="metric"/> is undefined and returns null.</summary>
    public T? Undefined<T>(string metric, string reason)
        where T : class
    {
        _reasons[metric] = reason;
        return null;
    }

    /// <summary>Records that <paramref name="metric"/> is undefined and returns null.</summary>
    public double? Undefined(string metric, string reason)
    {
        _reasons[metric] = reason;
        return null;
    }

    public IReadOnlyDictionary<string, string> ToDictionary() =>
        new Dictionary<string, string>(_reasons, StringComparer.Ordinal);
}
