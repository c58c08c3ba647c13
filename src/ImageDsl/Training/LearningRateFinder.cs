using ImageDsl.Data;
using ImageDsl.Specs;
using static TorchSharp.torch;

namespace ImageDsl.Training;

/// <summary>
/// The learning-rate range test (Smith, "Cyclical Learning Rates for Training Neural Networks",
/// 2017; fastai's <c>lr_find</c>): one optimizer step per mini-batch with the rate growing
/// exponentially from <see cref="LearningRateSearch.StartRate"/> to <see cref="LearningRateSearch.EndRate"/>,
/// recording the loss, until the smoothed loss diverges. The caller restores the weights.
/// </summary>
internal sealed class LearningRateFinder(
    ModelSpec spec,
    nn.Module<Tensor, Tensor[]> network,
    Func<Tensor[], Tensor, Tensor> computeLoss,
    Normalization normalization,
    TrainingOptions options,
    LearningRateSearch search)
{
    public LearningRateCurve Run(ImageDataset training, CancellationToken cancellation)
    {
        var device = Modeling.ModelDevice.Of(network);
        var data = training.Batches;
        int count = data.Count, batchSize = Math.Min(options.BatchSize, count);
        var augmentation = options.Augmentation ?? Augmentation.None;
        if (augmentation.Conflicts(spec) is { Count: > 0 } conflicts)
            throw new InvalidOperationException($"The augmentation cannot be used with {spec.Name}:\n  " + string.Join("\n  ", conflicts));

        manual_seed(options.Seed);
        using var generator = new Generator((ulong)options.Seed);
        using var fineTuning = new FineTuning(network, options);
        using var optimizer = Optimizers.Create(options, fineTuning);
        network.train();
        fineTuning.BeginEpoch(1); // a frozen backbone stays frozen: the search is for the run that follows

        var rates = new List<double>();
        var losses = new List<double>();
        var smoothed = new List<double>();
        double average = 0, best = double.PositiveInfinity;
        bool diverged = false;
        long[] order = [];
        int position = count; // forces a fresh permutation first

        for (int step = 0; step < search.Steps; step++)
        {
            cancellation.ThrowIfCancellationRequested();
            double rate = search.RateAt(step);
            fineTuning.SetLearningRate(optimizer, rate);
            // Whole batches from a reshuffled pass whenever the last one is used up; a short remainder is skipped.
            if (position + batchSize > count)
            {
                order = Draws.Order(generator, count);
                position = 0;
            }
            var indices = order.AsSpan(position, batchSize).ToArray();
            position += batchSize;

            float loss;
            using (NewDisposeScope())
            {
                var (images, targets) = TrainingBatch.Make(spec, normalization, data, indices, augmentation, generator, device);
                network.zero_grad(set_to_none: true);
                var total = computeLoss(network.call(images), targets);
                loss = total.item<float>();
                if (float.IsFinite(loss))
                {
                    total.backward();
                    if (options.GradientClipNorm is { } clip) nn.utils.clip_grad_norm_(network.parameters(), clip);
                    optimizer.step();
                }
            }
            if (!float.IsFinite(loss))
            {
                diverged = true;
                break;
            }
            // An exponential average, bias-corrected so the first points are not pulled towards 0.
            average = search.Smoothing * average + (1 - search.Smoothing) * loss;
            double value = average / (1 - Math.Pow(search.Smoothing, step + 1));
            rates.Add(rate);
            losses.Add(loss);
            smoothed.Add(value);
            best = Math.Min(best, value);
            if (step > 0 && value > search.DivergenceFactor * best)
            {
                diverged = true;
                break;
            }
        }
        network.eval();
        return new LearningRateCurve(rates, losses, smoothed, diverged);
    }
}

/// <summary>The raw record of a range test: one point per step taken.</summary>
internal sealed record LearningRateCurve(IReadOnlyList<double> Rates, IReadOnlyList<double> Losses, IReadOnlyList<double> Smoothed, bool Diverged);
