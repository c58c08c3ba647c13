using System.Diagnostics;
using ImageDsl.Data;
using ImageDsl.Evaluation;
using ImageDsl.Specs;
using Microsoft.Extensions.Logging;
using TorchSharp;
using static TorchSharp.torch;

namespace ImageDsl.Training;

/// <summary>
/// The training loop: seeded shuffling, batches cut from the decoded-image cache, the chosen
/// optimizer and schedule, gradient clipping, validation with early stopping and best-weights
/// tracking, an atomic checkpoint after every epoch, a dispose scope around every step so
/// native memory stays flat, and progress a few times a second. Batch norm's running statistics
/// are recomputed for the weights that get scored (see <see cref="BatchNormStatistics"/>).
/// </summary>
internal sealed class Trainer(
    ModelSpec spec,
    nn.Module<Tensor, Tensor[]> network,
    Func<Tensor[], Tensor, Tensor> computeLoss,
    Func<ImageDataset, EvaluationResult> evaluate,
    Normalization normalization,
    TrainingOptions options,
    ILogger logger)
{
    private static readonly TimeSpan ReportInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Where the network is (the model put it there): every batch goes there.</summary>
    private readonly Device device = Modeling.ModelDevice.Of(network);

    public TrainingHistory Fit(ImageDataset training, ImageDataset? validation, IProgress<TrainingProgress>? progress,
        CancellationToken cancellation, string? resumeFrom = null, string? continueFrom = null)
    {
        options.Validate();
        var monitor = new MonitoredMetric(options.Monitor);

        var data = training.Batches;
        _ = validation?.Batches; // decode (and report broken files) before the first step, not after the first epoch
        int count = data.Count;
        int batches = (count + options.BatchSize - 1) / options.BatchSize;
        long totalSteps = (long)batches * options.Epochs;
        // ImageModel has already put the spec's declared augmentation in place of an unset one.
        var augmentation = options.Augmentation ?? Augmentation.None;
        if (augmentation.Conflicts(spec) is { Count: > 0 } conflicts)
            throw new InvalidOperationException($"The augmentation cannot be used with {spec.Name}:\n  " + string.Join("\n  ", conflicts));

        var sampler = ClassBalancedSampler.For(spec, options, data.Samples);

        manual_seed(options.Seed);
        using var heap = RetainedHeap.Begin(logger);
        using var generator = new Generator((ulong)options.Seed);
        using var fineTuning = new FineTuning(network, options);
        using var optimizer = Optimizers.Create(options, fineTuning);
        using var fusedStep = FusedAdamStep.TryCreate(optimizer, logger);
        var run = new RunState();
        if (resumeFrom is not null) Resume(resumeFrom, optimizer, generator, run);
        else if (continueFrom is not null)
        {
            // Only the weights: the continuation is a new run with its own schedule and optimizer state.
            var from = Checkpoint.RestoreWeights(continueFrom, spec, network);
            logger.LogInformation("Continuing from {Path} (after epoch {Epoch} of {Epochs}) for {More} more epochs", continueFrom, from.EpochsCompleted, from.Epochs, options.Epochs);
        }

        var clock = Stopwatch.StartNew();
        long stepAtStart = run.Step;
        logger.LogInformation("Training {Spec} on {Count} images for {Epochs} epochs ({Batches} batches of {BatchSize}), from epoch {Start}",
            spec.Name, count, options.Epochs, batches, options.BatchSize, run.EpochsCompleted + 1);

        for (int epoch = run.EpochsCompleted + 1; epoch <= options.Epochs; epoch++)
        {
            network.train();
            fineTuning.BeginEpoch(epoch);
            var epochClock = Stopwatch.StartNew();
            var lastReport = TimeSpan.Zero;
            double lossSum = 0;
            long seen = 0;
            long[] order;
            if (sampler is not null) order = sampler.Epoch(generator);
            else order = Draws.Order(generator, count);
            long[] BatchIndices(int b) => order.AsSpan(b * options.BatchSize, Math.Min(options.BatchSize, count - b * options.BatchSize)).ToArray();

            for (int batch = 0; batch < batches; batch++)
            {
                cancellation.ThrowIfCancellationRequested();
                double learningRate = LearningRates.At(options, run.Step, totalSteps, batches);
                fineTuning.SetLearningRate(optimizer, learningRate);

                float loss;
                int size;
                using (NewDisposeScope())
                {
                    var (images, targets) = TrainingBatch.Make(spec, normalization, data, BatchIndices(batch), augmentation, generator, device);
                    if (batch + 1 < batches) data.Prefetch(BatchIndices(batch + 1));
                    size = (int)images.shape[0];

                    // Unset rather than zeroed: backward then hands each parameter its fresh
                    // gradient instead of adding it to a zeroed one (two fewer passes over
                    // every gradient; parameters without one are skipped by every optimizer).
                    network.zero_grad(set_to_none: true);
                    Tensor total;
                    if (augmentation.Mixes)
                    {
                        var mix = LabelMixing.Mix(images, augmentation, generator);
                        total = LabelMixing.Loss(computeLoss, network.call(mix.Images), targets, mix);
                    }
                    else total = computeLoss(network.call(images), targets);
                    loss = total.item<float>();
                    if (!float.IsFinite(loss))
                        throw new InvalidOperationException(
                            $"Training diverged: the loss became {loss} at epoch {epoch}, batch {batch + 1} of {batches}. Try a lower learning rate or gradient clipping.");
                    total.backward();
                    if (options.GradientClipNorm is { } clip) nn.utils.clip_grad_norm_(network.parameters(), clip);
                    if (fusedStep is not null) fusedStep.Step();
                    else optimizer.step();
                }
                run.Step++;
                lossSum += loss * size;
                seen += size;

                // The first batch of each epoch is always reported, so an epoch's start is visible (and can be acted on) at once.
                if (progress is not null && batch < batches - 1 && (batch == 0 || epochClock.Elapsed - lastReport > ReportInterval))
                {
                    lastReport = epochClock.Elapsed;
                    progress.Report(Snapshot(epoch, batch + 1, batches, lossSum / seen, learningRate, seen / epochClock.Elapsed.TotalSeconds,
                        clock.Elapsed, Remaining(clock, run.Step - stepAtStart, totalSteps - run.Step), false, null));
                }
            }

            double trainingLoss = lossSum / seen;
            double imagesPerSecond = seen / epochClock.Elapsed.TotalSeconds;
            // Validation scores the weights as they are now, so batch norm must describe them too
            // (and the best weights kept below then carry statistics of their own).
            if (validation is not null) RecomputeBatchNorm(data, augmentation, epoch);
            EvaluationResult? scores = validation is null ? null : evaluate(validation);
            double? monitored = scores is null ? null : monitor.Read(scores);
            bool improved = monitored is { } m && !double.IsNaN(m) && monitor.IsBetter(m, run.BestScore);
            if (improved)
            {
                (run.BestScore, run.BestEpoch) = (monitored, epoch);
                if (options.RestoreBestWeights) run.BestWeights = SaveWeights();
            }
            epochClock.Stop();

            var summary = new EpochSummary(epoch, trainingLoss, scores?.Loss, imagesPerSecond, epochClock.Elapsed, monitored, improved);
            run.History.Add(summary);
            run.EpochsCompleted = epoch;
            if (options.CheckpointPath is { } checkpoint) WriteCheckpoint(checkpoint, optimizer, generator, run);

            logger.LogInformation("Epoch {Epoch}/{Epochs}: loss {Loss:F4}{Validation}, {Rate:F0} images/s",
                epoch, options.Epochs, trainingLoss, scores is null ? "" : $", validation loss {scores.Loss:F4}, {monitor.Name} {monitored:G4}", imagesPerSecond);
            progress?.Report(Snapshot(epoch, batches, batches, trainingLoss, LearningRates.At(options, run.Step - 1, totalSteps, batches), imagesPerSecond,
                clock.Elapsed, Remaining(clock, run.Step - stepAtStart, totalSteps - run.Step), true, scores?.Loss, monitor.Name, monitored));

            if (options.EarlyStoppingPatience is { } patience && run.BestEpoch > 0 && epoch - run.BestEpoch >= patience)
            {
                logger.LogInformation("Early stopping after epoch {Epoch}: {Monitor} has not improved since epoch {Best}", epoch, monitor.Name, run.BestEpoch);
                break;
            }
        }

        if (options.RestoreBestWeights && run.BestWeights is { } best && run.BestEpoch != run.EpochsCompleted)
        {
            LoadWeights(best);
            logger.LogInformation("Restored the weights of epoch {Epoch} ({Monitor} {Score:G4})", run.BestEpoch, monitor.Name, run.BestScore);
        }
        // With validation every epoch's weights got their statistics before they were scored; without, the final ones get them here.
        if (validation is null)
        {
            network.train();
            fineTuning.BeginEpoch(run.EpochsCompleted); // the layers the last epoch trained, not a frozen backbone's
            RecomputeBatchNorm(data, augmentation, run.EpochsCompleted);
        }
        network.eval();
        return new TrainingHistory(run.History, run.BestEpoch == 0 ? null : run.BestEpoch);
    }


    /// <summary>
    /// Gives batch norm the statistics of the current weights (see <see cref="BatchNormStatistics"/>)
    /// on training images augmented as training augments them, drawn by a generator seeded from
    /// the run's seed and the epoch: training's own random streams are left as they were, so a
    /// resumed run recomputes the same.
    /// </summary>
    private void RecomputeBatchNorm(BatchSource data, Augmentation augmentation, int epoch)
    {
        var clock = Stopwatch.StartNew();
        using var generator = new Generator(unchecked((ulong)options.Seed * 1_000_003UL + (ulong)epoch));
        int layers = BatchNormStatistics.Recompute(network, data.Count, options.BatchSize, options.BatchNormStatisticsImages, generator,
            (indices, random) => TrainingBatch.Make(spec, normalization, data, indices, augmentation, random, device).Images, data.Prefetch);
        if (layers > 0)
            logger.LogDebug("Recomputed the statistics of {Layers} batch-norm layers with the weights of epoch {Epoch} in {Milliseconds:F0} ms",
                layers, epoch, clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>Mutable progress of one run: what a checkpoint saves and a resume restores.</summary>
    private sealed class RunState
    {
        public int EpochsCompleted;
        public long Step;
        public double? BestScore;
        public int BestEpoch;
        public byte[]? BestWeights;
        public List<EpochSummary> History = [];
    }

    private void WriteCheckpoint(string path, TorchSharp.Modules.OptimizerHelper optimizer, Generator generator, RunState run) =>
        Checkpoint.Write(path,
            new Checkpoint.State(Checkpoint.FormatVersion, Checkpoint.HashOf(spec), spec, normalization, run.EpochsCompleted, run.Step, options.Epochs, options.BatchSize,
                run.BestScore, run.BestEpoch, run.History.ToArray()),
            network, optimizer, generator, run.BestWeights);

    private void Resume(string path, TorchSharp.Modules.OptimizerHelper optimizer, Generator generator, RunState run)
    {
        var state = Checkpoint.Restore(path, spec, network, optimizer, generator, out var bestWeights);
        if (state.BatchSize != options.BatchSize || state.Epochs != options.Epochs)
            throw new ArgumentException(
                $"Checkpoint {path} was written by a run of {state.Epochs} epochs with batches of {state.BatchSize}; resume it with the same Epochs and BatchSize (given {options.Epochs} and {options.BatchSize}), or train on from it with a new schedule with Continue.");
        run.EpochsCompleted = state.EpochsCompleted;
        run.Step = state.Step;
        run.BestScore = state.BestScore;
        run.BestEpoch = state.BestEpoch;
        run.BestWeights = bestWeights;
        run.History = state.History.ToList();
        logger.LogInformation("Resuming from {Path} after epoch {Epoch}", path, state.EpochsCompleted);
    }

    private byte[] SaveWeights()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) network.save(writer);
        return stream.ToArray();
    }

    private void LoadWeights(byte[] weights)
    {
        using var reader = new BinaryReader(new MemoryStream(weights));
        network.load(reader);
    }

    private static TimeSpan Remaining(Stopwatch clock, long stepsDone, long stepsLeft) =>
        stepsDone <= 0 ? TimeSpan.Zero : clock.Elapsed / stepsDone * stepsLeft;

    private TrainingProgress Snapshot(int epoch, int batch, int batches, double loss, double learningRate, double imagesPerSecond,
        TimeSpan elapsed, TimeSpan remaining, bool completed, double? validationLoss, string? monitorName = null, double? monitored = null) =>
        new(epoch, options.Epochs, batch, batches, loss, learningRate, imagesPerSecond, elapsed, remaining, completed, validationLoss)
        {
            MonitorName = monitored is null ? null : monitorName,
            MonitoredValue = monitored,
        };
}
