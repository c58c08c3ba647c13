using System.Diagnostics;
using ImageDsl.Data;
using ImageDsl.Specs;
using TorchSharp;
using static TorchSharp.torch;

namespace ImageDsl.Training;

/// <summary>
/// The training loop: seeded shuffling, batches cut from the decoded-image cache, Adam(W)
/// with a learning-rate schedule, a dispose scope around every step so native memory stays
/// flat, and progress a few times a second.
/// </summary>
internal sealed class Trainer(
    nn.Module<Tensor, Tensor[]> network,
    Func<Tensor[], Tensor, Tensor> computeLoss,
    Normalization normalization,
    TrainingOptions options)
{
    private static readonly TimeSpan ReportInterval = TimeSpan.FromMilliseconds(250);

    public TrainingHistory Fit(ImageDataset training, ImageDataset? validation, IProgress<TrainingProgress>? progress, CancellationToken cancellation)
    {
        options.Validate();
        var data = training.Decoded;
        var validationData = validation?.Decoded;
        int count = training.Count;
        int batches = (count + options.BatchSize - 1) / options.BatchSize;
        long totalSteps = (long)batches * options.Epochs;
        bool shift = options.RandomShift > 0 && ShiftPreservesTargets(training.Spec);

        torch.manual_seed(options.Seed);
        using var generator = new Generator((ulong)options.Seed);
        using var fineTuning = new FineTuning(network, options);
        using var optimizer = optim.AdamW(fineTuning.ParameterGroups, options.LearningRate, weight_decay: options.WeightDecay);
        var epochs = new List<EpochSummary>();
        var clock = Stopwatch.StartNew();
        long step = 0;

        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            network.train();
            fineTuning.BeginEpoch(epoch);
            var epochClock = Stopwatch.StartNew();
            var lastReport = TimeSpan.Zero;
            double lossSum = 0;
            long seen = 0;
            using var order = randperm(count, generator: generator);

            for (int batch = 0; batch < batches; batch++)
            {
                cancellation.ThrowIfCancellationRequested();
                double learningRate = LearningRateAt(step++, totalSteps);
                fineTuning.SetLearningRate(learningRate);

                float loss;
                int size;
                using (NewDisposeScope())
                {
                    var indices = order.narrow(0, batch * options.BatchSize, Math.Min(options.BatchSize, count - batch * options.BatchSize));
                    size = (int)indices.shape[0];
                    var images = normalization.Apply(data.Images.index_select(0, indices));
                    if (shift) images = Augment.RandomShift(images, options.RandomShift, normalization.Black, generator);
                    var targets = data.Targets.index_select(0, indices);

                    optimizer.zero_grad();
                    var total = computeLoss(network.call(images), targets);
                    total.backward();
                    optimizer.step();
                    loss = total.item<float>();
                }
                if (!float.IsFinite(loss))
                    throw new InvalidOperationException($"Training diverged: the loss became {loss} at epoch {epoch}, batch {batch + 1}. Try a lower learning rate.");

                lossSum += loss * size;
                seen += size;
                if (progress is not null && (epochClock.Elapsed - lastReport > ReportInterval || batch == batches - 1))
                {
                    lastReport = epochClock.Elapsed;
                    if (batch < batches - 1)
                        progress.Report(Snapshot(epoch, batch + 1, batches, lossSum / seen, learningRate, seen, epochClock, clock, step, totalSteps, false, null));
                }
            }

            double? validationLoss = validationData is null ? null : MeanLoss(validationData);
            epochClock.Stop();
            var summary = new EpochSummary(epoch, lossSum / seen, validationLoss, seen / epochClock.Elapsed.TotalSeconds, epochClock.Elapsed);
            epochs.Add(summary);
            progress?.Report(Snapshot(epoch, batches, batches, summary.TrainingLoss, LearningRateAt(step - 1, totalSteps), seen, epochClock, clock, step, totalSteps, true, validationLoss));
        }
        network.eval();
        return new TrainingHistory(epochs);
    }

    /// <summary>Mean loss over a dataset in evaluation mode, without gradients.</summary>
    public double MeanLoss(DecodedImages data)
    {
        network.eval();
        using var _ = no_grad();
        double sum = 0;
        long n = data.Images.shape[0];
        const int chunk = 256;
        for (long start = 0; start < n; start += chunk)
        {
            using var scope = NewDisposeScope();
            long size = Math.Min(chunk, n - start);
            var images = normalization.Apply(data.Images.narrow(0, start, size));
            sum += computeLoss(network.call(images), data.Targets.narrow(0, start, size)).item<float>() * size;
        }
        return sum / n;
    }

    private double LearningRateAt(long step, long totalSteps)
    {
        if (options.Schedule == LearningRateSchedule.Constant) return options.LearningRate;
        long warmup = Math.Min(300, totalSteps / 10);
        if (step < warmup) return options.LearningRate * (step + 1) / warmup;
        double t = (double)(step - warmup) / Math.Max(1, totalSteps - warmup);
        return options.LearningRate * (0.01 + 0.99 * 0.5 * (1 + Math.Cos(Math.PI * t)));
    }

    private static TrainingProgress Snapshot(int epoch, int batch, int batches, double loss, double learningRate, long seen,
        Stopwatch epochClock, Stopwatch clock, long step, long totalSteps, bool completed, double? validationLoss)
    {
        var perStep = clock.Elapsed / Math.Max(1, step);
        return new TrainingProgress(epoch, totalSteps == 0 ? 0 : (int)(totalSteps / batches), batch, batches, loss, learningRate,
            seen / Math.Max(1e-9, epochClock.Elapsed.TotalSeconds), clock.Elapsed, perStep * (totalSteps - step), completed, validationLoss);
    }

    /// <summary>Shifting an image leaves labels and position-free ranges (angles, ages) valid.</summary>
    private static bool ShiftPreservesTargets(ModelSpec spec) =>
        spec.Targets.All(t => t is LabelTargetSpec or RangeTargetSpec);
}
