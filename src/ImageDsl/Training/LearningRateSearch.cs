namespace ImageDsl.Training;

/// <summary>
/// How <c>FindLearningRate</c> sweeps: <see cref="Steps"/> mini-batches with the rate growing
/// exponentially from <see cref="StartRate"/> to <see cref="EndRate"/>, stopping early once the
/// smoothed loss exceeds <see cref="DivergenceFactor"/> times its lowest value. The defaults are fastai's.
/// </summary>
public sealed record LearningRateSearch
{
    /// <summary>The rate of the first step.</summary>
    public double StartRate { get; init; } = 1e-7;

    /// <summary>The rate of the last step, if the loss has not diverged before.</summary>
    public double EndRate { get; init; } = 10;

    /// <summary>Optimizer steps (one mini-batch each); the training set is reshuffled and reused if it has fewer batches.</summary>
    public int Steps { get; init; } = 100;

    /// <summary>Weight of the past in the loss's exponential average (0 plots the raw losses).</summary>
    public double Smoothing { get; init; } = 0.98;

    /// <summary>Stop once the smoothed loss exceeds this multiple of the lowest smoothed loss so far.</summary>
    public double DivergenceFactor { get; init; } = 4;

    /// <summary>The rate of step <paramref name="step"/> (0-based).</summary>
    public double RateAt(int step) => StartRate * Math.Pow(EndRate / StartRate, Steps == 1 ? 0 : (double)step / (Steps - 1));

    /// <summary>Rejects a sweep that cannot work, naming the setting.</summary>
    public void Validate()
    {
        if (!(StartRate > 0) || double.IsInfinity(StartRate)) throw new ArgumentOutOfRangeException(nameof(StartRate), StartRate, "StartRate must be a positive number.");
        if (!(EndRate > StartRate) || double.IsInfinity(EndRate)) throw new ArgumentOutOfRangeException(nameof(EndRate), EndRate, "EndRate must be a number above StartRate.");
        if (Steps < 5) throw new ArgumentOutOfRangeException(nameof(Steps), Steps, "Steps must be at least 5 to draw a curve.");
        if (!(Smoothing >= 0 && Smoothing < 1)) throw new ArgumentOutOfRangeException(nameof(Smoothing), Smoothing, "Smoothing must be in [0, 1).");
        if (!(DivergenceFactor > 1)) throw new ArgumentOutOfRangeException(nameof(DivergenceFactor), DivergenceFactor, "DivergenceFactor must be above 1.");
    }
}
