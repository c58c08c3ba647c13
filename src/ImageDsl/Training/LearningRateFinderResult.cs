using System.Globalization;
using ImageDsl.Reports.Plots;

namespace ImageDsl.Training;

/// <summary>
/// What <c>FindLearningRate</c> measured: the loss at each rate tried, smoothed, and the rate it suggests.
/// </summary>
/// <remarks>
/// <see cref="SuggestedRate"/> is fastai's "minimum / 10" rule: a tenth of the rate at which the
/// smoothed loss was lowest. At the minimum the rate is already about to make training unstable;
/// a tenth of it still learns fast. <see cref="SteepestRate"/>, where the smoothed loss falls fastest
/// (per decade of rate, before the minimum), is the other common reading, given for comparison; on
/// a noisy curve it is less stable, which is why it is not the suggestion.
/// </remarks>
public sealed record LearningRateFinderResult
{
    internal LearningRateFinderResult(IReadOnlyList<double> rates, IReadOnlyList<double> losses, IReadOnlyList<double> smoothed, bool diverged)
    {
        if (rates.Count < 2)
            throw new InvalidOperationException($"The learning-rate search diverged after {rates.Count} step(s): lower its StartRate.");
        Rates = rates;
        Losses = losses;
        SmoothedLosses = smoothed;
        Diverged = diverged;
        int lowest = 0;
        for (int i = 1; i < smoothed.Count; i++) if (smoothed[i] < smoothed[lowest]) lowest = i;
        MinimumRate = rates[lowest];
        SuggestedRate = MinimumRate / 10;

        // Slope per decade between neighbours, up to the minimum (past it the loss only rises).
        int steepest = 0;
        double steepestSlope = double.PositiveInfinity;
        for (int i = 1; i <= Math.Max(1, lowest); i++)
        {
            double slope = (smoothed[i] - smoothed[i - 1]) / (Math.Log10(rates[i]) - Math.Log10(rates[i - 1]));
            if (slope < steepestSlope) (steepestSlope, steepest) = (slope, i);
        }
        SteepestRate = rates[steepest];
    }

    /// <summary>The rate of each step taken, ascending.</summary>
    public IReadOnlyList<double> Rates { get; }

    /// <summary>Each step's mini-batch loss.</summary>
    public IReadOnlyList<double> Losses { get; }

    /// <summary>The losses' bias-corrected exponential average (see <see cref="LearningRateSearch.Smoothing"/>).</summary>
    public IReadOnlyList<double> SmoothedLosses { get; }

    /// <summary>True when the sweep stopped early because the loss diverged (became non-finite or grew past <see cref="LearningRateSearch.DivergenceFactor"/> times its lowest).</summary>
    public bool Diverged { get; }

    /// <summary>The rate at which the smoothed loss was lowest.</summary>
    public double MinimumRate { get; }

    /// <summary>The suggested peak learning rate: <see cref="MinimumRate"/> / 10.</summary>
    public double SuggestedRate { get; }

    /// <summary>The rate at which the smoothed loss fell fastest per decade of rate, before its minimum.</summary>
    public double SteepestRate { get; }

    /// <summary>
    /// Writes <c>learning-rate.png</c> (smoothed loss against rate on a log axis, the suggestion
    /// marked) and <c>learning-rate.csv</c> (every step) into <paramref name="folder"/>, creating it;
    /// returns the plot's path.
    /// </summary>
    public string WriteReport(string folder)
    {
        Directory.CreateDirectory(folder);
        var plot = Path.Combine(folder, "learning-rate.png");
        LearningRatePlot.Save(this, plot);
        using var csv = new StreamWriter(Path.Combine(folder, "learning-rate.csv"));
        csv.WriteLine("step,learning_rate,loss,smoothed_loss");
        for (int i = 0; i < Rates.Count; i++)
            csv.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{i + 1},{Rates[i]:R},{Losses[i]:R},{SmoothedLosses[i]:R}"));
        return plot;
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"suggested learning rate {SuggestedRate:G2} (loss lowest at {MinimumRate:G2}, steepest at {SteepestRate:G2}; {Rates.Count} steps{(Diverged ? ", diverged" : "")})");
}
