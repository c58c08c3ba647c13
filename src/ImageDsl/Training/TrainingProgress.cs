namespace ImageDsl.Training;

/// <summary>A snapshot of training, reported through <see cref="IProgress{T}"/> at the first batch of each epoch, a few times a second after that, and at the end of each epoch.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="Epochs">Total epochs.</param>
/// <param name="Batch">1-based batch within the epoch.</param>
/// <param name="Batches">Batches per epoch.</param>
/// <param name="Loss">Mean training loss of the epoch so far.</param>
/// <param name="LearningRate">Current learning rate.</param>
/// <param name="ImagesPerSecond">Training throughput of this epoch so far.</param>
/// <param name="Elapsed">Time since training started.</param>
/// <param name="Remaining">Estimated time to the end of training.</param>
/// <param name="EpochCompleted">True for the report that closes an epoch.</param>
/// <param name="ValidationLoss">Mean loss on the validation set, in the report that closes an epoch, when one was given.</param>
public sealed record TrainingProgress(
    int Epoch, int Epochs, int Batch, int Batches, double Loss, double LearningRate,
    double ImagesPerSecond, TimeSpan Elapsed, TimeSpan Remaining, bool EpochCompleted, double? ValidationLoss = null)
{
    /// <summary>The monitored validation figure's name (see <see cref="TrainingOptions.Monitor"/>), in reports that close an epoch with validation.</summary>
    public string? MonitorName { get; init; }

    /// <summary>The monitored validation figure's value, in reports that close an epoch with validation.</summary>
    public double? MonitoredValue { get; init; }

    /// <summary>Fraction of all training done, in [0, 1].</summary>
    public double Fraction => ((Epoch - 1) * (double)Batches + Batch) / ((double)Epochs * Batches);

    /// <inheritdoc />
    public override string ToString() =>
        $"epoch {Epoch}/{Epochs} batch {Batch}/{Batches} loss {Loss:F4}" +
        (ValidationLoss is { } v ? $" val {v:F4}" : "") +
        (MonitoredValue is { } m && MonitorName != "loss" ? $" {MonitorName} {m:G4}" : "") +
        $" {ImagesPerSecond:F0} img/s ETA {Remaining:mm\\:ss}";
}

/// <summary>What one epoch did.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="TrainingLoss">Mean training loss.</param>
/// <param name="ValidationLoss">Mean validation loss, when a validation set was given.</param>
/// <param name="ImagesPerSecond">Training throughput.</param>
/// <param name="Duration">Wall time of the epoch.</param>
/// <param name="Monitored">The monitored validation figure (see <see cref="TrainingOptions.Monitor"/>), when validating.</param>
/// <param name="Improved">Whether it was the best so far.</param>
public sealed record EpochSummary(int Epoch, double TrainingLoss, double? ValidationLoss, double ImagesPerSecond, TimeSpan Duration,
    double? Monitored = null, bool Improved = false);

/// <summary>The record of a training run.</summary>
/// <param name="Epochs">One summary per completed epoch.</param>
/// <param name="BestEpoch">The epoch whose weights the model ended with, when validating with best-weights restoring.</param>
public sealed record TrainingHistory(IReadOnlyList<EpochSummary> Epochs, int? BestEpoch = null)
{
    /// <summary>Total wall time.</summary>
    public TimeSpan Duration => TimeSpan.FromTicks(Epochs.Sum(e => e.Duration.Ticks));
}
