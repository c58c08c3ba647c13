using ImageDsl.Data;
using ImageDsl.Training;

namespace ImageDsl.Modeling;

public abstract partial class ImageModel<TLabels, TPrediction>
{
    /// <summary>
    /// The learning-rate range test (fastai's <c>lr_find</c>): trains on mini-batches of
    /// <paramref name="training"/> with the rate growing exponentially (by default from 1e-7 to 10
    /// over 100 batches), records the smoothed loss, stops when it diverges, and suggests a peak
    /// rate (<see cref="LearningRateFinderResult.SuggestedRate"/>: the rate of lowest loss / 10).
    /// The model is left exactly as it was: its weights (batch-norm statistics included),
    /// normalization and target statistics are restored, and the sweep's optimizer is thrown away.
    /// </summary>
    /// <param name="training">The images to sweep on (those you will train on).</param>
    /// <param name="options">The training you are choosing a rate for: its optimizer, batch size, weight decay, augmentation, gradient clipping, seed and backbone freezing apply; its rate and schedule are the sweep's.</param>
    /// <param name="search">The sweep's range and stopping rule; null for fastai's defaults.</param>
    /// <param name="reportFolder">When given, <c>learning-rate.png</c> and <c>learning-rate.csv</c> are written there.</param>
    /// <param name="cancellation">Stops the sweep (the model is still restored).</param>
    public LearningRateFinderResult FindLearningRate(ImageDataset training, TrainingOptions? options = null, LearningRateSearch? search = null,
        string? reportFolder = null, CancellationToken cancellation = default)
    {
        options ??= new TrainingOptions();
        if (options.Device is { } runDevice) Device = ModelDevice.Check(runDevice, "TrainingOptions.Device");
        using var lease = usage.Enter("find a learning rate");
        if (options.Augmentation is null) options = options with { Augmentation = DeclaredAugmentation };
        options.Validate();
        search ??= new LearningRateSearch();
        search.Validate();
        CheckDataset(training, nameof(training));

        var weights = SaveNetworkState();
        var (normalization, statistics) = (Normalization, TargetStatistics);
        LearningRateCurve curve;
        try
        {
            // The sweep should see what the first Train will: the same normalization and target scaling.
            MeasureTrainingSet(training, options, measureNormalization: true);
            curve = new LearningRateFinder(Spec, Network, ComputeLoss, Normalization, options, search).Run(training, cancellation);
        }
        finally
        {
            LoadNetworkState(weights);
            (Normalization, TargetStatistics) = (normalization, statistics);
            Network.eval();
        }
        var result = new LearningRateFinderResult(curve.Rates, curve.Losses, curve.Smoothed, curve.Diverged);
        if (reportFolder is not null) result.WriteReport(reportFolder);
        return result;
    }

    /// <summary>Every parameter and buffer of the network, as bytes.</summary>
    private byte[] SaveNetworkState()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) Network.save(writer);
        return stream.ToArray();
    }

    private void LoadNetworkState(byte[] state)
    {
        using var reader = new BinaryReader(new MemoryStream(state));
        Network.load(reader);
    }
}
