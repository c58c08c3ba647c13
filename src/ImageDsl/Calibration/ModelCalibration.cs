namespace ImageDsl.Calibration;

/// <summary>
/// What calibration on held-out images added to a model, saved in its file: per target (in spec
/// order) temperatures for its probabilities and half-widths for its prediction intervals.
/// </summary>
/// <param name="Targets">One entry per target; an entry's parts are null where nothing was calibrated.</param>
public sealed record ModelCalibration(IReadOnlyList<TargetCalibration> Targets)
{
    /// <summary>Nothing calibrated, for a spec of <paramref name="targets"/> targets.</summary>
    public static ModelCalibration None(int targets) => new(Enumerable.Range(0, targets).Select(_ => new TargetCalibration()).ToArray());

    /// <summary>The temperatures of target <paramref name="target"/>, or null.</summary>
    public float[]? Temperatures(int target) => target < Targets.Count ? Targets[target].Temperatures : null;

    /// <summary>The interval half-widths of target <paramref name="target"/>, or null.</summary>
    public float[]? IntervalRadii(int target) => target < Targets.Count ? Targets[target].IntervalRadii : null;

    /// <summary>True when no target has anything calibrated.</summary>
    public bool IsEmpty => Targets.All(t => t.Temperatures is null && t.IntervalRadii is null);

    /// <summary>A copy with <paramref name="target"/>'s entry replaced.</summary>
    public ModelCalibration With(int target, TargetCalibration calibration)
    {
        var targets = Targets.ToArray();
        targets[target] = calibration;
        return new ModelCalibration(targets);
    }
}

/// <summary>One target's calibration.</summary>
public sealed record TargetCalibration
{
    /// <summary>Temperature scaling's divisor of each raw head output (all equal for a multi-class target, one per label for a multi-label one); null for none.</summary>
    public float[]? Temperatures { get; init; }

    /// <summary>The images the temperatures were fitted on, and their figures before and after.</summary>
    public CalibrationFit? TemperatureFit { get; init; }

    /// <summary>
    /// The prediction interval's half-width per decoded component, in user units, the same for
    /// every image; null for none. With a learned scale (<see cref="IntervalScales"/>) it is still
    /// fitted on all the held-out images, for comparison, but the scale sizes the intervals.
    /// </summary>
    public float[]? IntervalRadii { get; init; }

    /// <summary>Per decoded component, the learned half-width (<see cref="IntervalScaling.Learned"/>); null for constant intervals.</summary>
    public LearnedIntervalScale[]? IntervalScales { get; init; }

    /// <summary>How the intervals are sized, or null when there are none.</summary>
    public IntervalScaling? Scaling => IntervalRadii is null ? null : IntervalScales is null ? IntervalScaling.Constant : IntervalScaling.Learned;

    /// <summary>The half-width of component <paramref name="component"/>'s interval around a prediction of <paramref name="predicted"/>, or null for none.</summary>
    public double? Radius(int component, double predicted) =>
        IntervalScales is { } scales ? scales[component].Radius(predicted) : IntervalRadii?[component];

    /// <summary>The share of images the intervals were calibrated to cover (0.9 for 90 %).</summary>
    public double? IntervalCoverage { get; init; }

    /// <summary>Held-out images the intervals were calibrated on.</summary>
    public int? IntervalImages { get; init; }
}

/// <summary>How temperature scaling changed a target's probabilities on the images it was fitted on.</summary>
/// <param name="Images">Held-out images used.</param>
/// <param name="EceBefore">Expected calibration error before (15 bins, top label).</param>
/// <param name="EceAfter">The same, after.</param>
/// <param name="BrierBefore">Brier score before.</param>
/// <param name="BrierAfter">Brier score after.</param>
/// <param name="LogLossBefore">Negative log-likelihood before.</param>
/// <param name="LogLossAfter">Negative log-likelihood after.</param>
public sealed record CalibrationFit(int Images, double EceBefore, double EceAfter, double BrierBefore, double BrierAfter, double? LogLossBefore, double? LogLossAfter);
