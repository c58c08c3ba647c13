namespace ImageDsl.Metrics;

/// <summary>
/// A running sum with Neumaier compensation. Metrics are summed over whole datasets, one
/// sample at a time; a plain double sum loses the low digits of small terms added to a
/// large total, which would cost the 1e-6 agreement with scikit-learn on long runs and
/// make the result depend on batch order.
/// </summary>
internal struct CompensatedSum
{
    private double _sum;
    private double _compensation;

    public void Add(double value)
    {
        var total = _sum + value;
        // Recover the part of the smaller operand that the addition rounded away.
        _compensation += Math.Abs(_sum) >= Math.Abs(value)
            ? (_sum - total) + value
            : (value - total) + _sum;
        _sum = total;
    }

    public readonly double Value => _sum + _compensation;
}
