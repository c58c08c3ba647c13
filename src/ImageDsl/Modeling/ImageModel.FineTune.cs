using ImageDsl.Data;
using ImageDsl.Training;

namespace ImageDsl.Modeling;

public abstract partial class ImageModel<TLabels, TPrediction>
{
    /// <summary>The backbone's share of the head's rate in <see cref="FineTune"/>'s unfrozen phase unless another is given.</summary>
    public const double FineTuneBackboneFactor = 0.1;

    /// <summary>
    /// The default recipe for a pretrained backbone (fastai's <c>fine_tune</c>), in one call:
    /// <list type="number">
    /// <item>for <paramref name="freezeEpochs"/> epochs the backbone is frozen (weights and batch-norm
    /// statistics kept) and only the heads train, one-cycle at <paramref name="baseLearningRate"/>;</item>
    /// <item>then everything trains for <paramref name="epochs"/> epochs, one-cycle again, the heads at
    /// half <paramref name="baseLearningRate"/> and the backbone at <paramref name="backboneFactor"/> of that
    /// (discriminative rates: the pretrained features move slowly while the new heads settle).</item>
    /// </list>
    /// Each phase is an ordinary <see cref="Train"/> run with <paramref name="options"/> for everything
    /// else (batch size, optimizer, augmentation, validation, early stopping); the returned history
    /// numbers the epochs of both phases in order, 1 to <c>freezeEpochs + epochs</c>. Pick
    /// <paramref name="baseLearningRate"/> with <see cref="FindLearningRate"/> on the frozen model
    /// (<c>FreezeBackbone = true</c>). See docs/transfer-learning.md.
    /// </summary>
    /// <param name="training">The training set.</param>
    /// <param name="epochs">Epochs of the second, unfrozen phase (at least 1).</param>
    /// <param name="baseLearningRate">The heads' peak rate in the frozen phase; the unfrozen phase peaks at half of it.</param>
    /// <param name="freezeEpochs">Epochs of the first, head-only phase; 0 skips it.</param>
    /// <param name="backboneFactor">The backbone's rate as a multiple of the heads' in the unfrozen phase.</param>
    /// <param name="options">Everything else; its epochs, rate, schedule and freezing are replaced, and it cannot name a checkpoint (two runs would share one file; use <see cref="Train"/> with <see cref="TrainingOptions.UnfreezeBackboneAfterEpochs"/> for a resumable run).</param>
    /// <param name="progress">Progress of both phases, epochs numbered as in the returned history.</param>
    /// <param name="validation">Scored after every epoch of both phases.</param>
    /// <param name="cancellation">Stops training.</param>
    /// <exception cref="InvalidOperationException">The network has no backbone to freeze.</exception>
    public TrainingHistory FineTune(ImageDataset training, int epochs, double baseLearningRate = 2e-3, int freezeEpochs = 1,
        double backboneFactor = FineTuneBackboneFactor, TrainingOptions? options = null, IProgress<TrainingProgress>? progress = null,
        ImageDataset? validation = null, CancellationToken cancellation = default)
    {
        if (epochs < 1) throw new ArgumentOutOfRangeException(nameof(epochs), epochs, "FineTune needs at least 1 unfrozen epoch.");
        if (freezeEpochs < 0) throw new ArgumentOutOfRangeException(nameof(freezeEpochs), freezeEpochs, "freezeEpochs cannot be negative (0 skips the frozen phase).");
        if (!(baseLearningRate > 0) || double.IsInfinity(baseLearningRate))
            throw new ArgumentOutOfRangeException(nameof(baseLearningRate), baseLearningRate, "baseLearningRate must be a positive number.");
        options ??= new TrainingOptions();
        if (options.CheckpointPath is not null)
            throw new ArgumentException(
                $"FineTune runs two trainings, which cannot share the checkpoint {options.CheckpointPath}; for a resumable run use Train with FreezeBackbone and UnfreezeBackboneAfterEpochs.", nameof(options));

        int total = freezeEpochs + epochs;
        var phase = options with { Schedule = LearningRateSchedule.OneCycle, UnfreezeBackboneAfterEpochs = null };
        var epochsRun = new List<EpochSummary>();
        int? bestEpoch = null;

        if (freezeEpochs > 0)
        {
            var frozen = phase with { Epochs = freezeEpochs, LearningRate = baseLearningRate, FreezeBackbone = true, BackboneLearningRateFactor = 1.0 };
            var first = Train(training, frozen, Renumbered(progress, 0, total), validation, cancellation);
            epochsRun.AddRange(first.Epochs);
            bestEpoch = first.BestEpoch;
        }
        // fastai halves the rate once the backbone trains too: its gradients move far more weights.
        var unfrozen = phase with { Epochs = epochs, LearningRate = baseLearningRate / 2, FreezeBackbone = false, BackboneLearningRateFactor = backboneFactor };
        var second = Train(training, unfrozen, Renumbered(progress, freezeEpochs, total), validation, cancellation);
        epochsRun.AddRange(second.Epochs.Select(e => e with { Epoch = e.Epoch + freezeEpochs }));
        // The model ends with the second phase's weights: its best epoch, if it tracked one.
        if (second.BestEpoch is { } best) bestEpoch = best + freezeEpochs;
        else if (freezeEpochs > 0) bestEpoch = null;
        return new TrainingHistory(epochsRun, bestEpoch);
    }

    private static IProgress<TrainingProgress>? Renumbered(IProgress<TrainingProgress>? progress, int offset, int total) =>
        progress is null ? null : new RenumberedProgress(progress, offset, total);

    /// <summary>Passes a phase's progress on with epochs counted over the whole recipe.</summary>
    private sealed class RenumberedProgress(IProgress<TrainingProgress> inner, int offset, int total) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => inner.Report(value with { Epoch = value.Epoch + offset, Epochs = total });
    }
}
