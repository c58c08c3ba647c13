namespace ImageDsl;

/// <summary>
/// A prediction interval in the target's units: the true value lies in [<see cref="Low"/>,
/// <see cref="High"/>] for the share of images the model's intervals were calibrated to cover
/// (<c>model.CalibrateIntervals</c>). For a periodic target the interval may wrap: then
/// <see cref="Low"/> is above <see cref="High"/>, and it runs from Low up to the period's end and on
/// from its start to High.
/// </summary>
/// <param name="Low">The lower end.</param>
/// <param name="High">The upper end.</param>
public readonly record struct PredictionInterval(double Low, double High)
{
    /// <summary>True when <paramref name="value"/> is inside the interval (ends included; a wrapped interval's two parts).</summary>
    public bool Contains(double value) => Low <= High ? value >= Low && value <= High : value >= Low || value <= High;

    /// <inheritdoc />
    public override string ToString() => $"[{Low:G4}, {High:G4}]";
}
