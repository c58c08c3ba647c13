using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ImageDsl.Training;

/// <summary>
/// Recomputes the running statistics of a network's batch-norm layers with its current weights
/// ("precise BN", Wu and Johnson, "Rethinking 'Batch' in BatchNorm", 2021), so evaluation mode
/// normalizes as training mode did.
/// </summary>
/// <remarks>
/// During training a batch-norm layer normalizes with each batch's own statistics and keeps an
/// exponential average (momentum 0.1) of them for evaluation. That average mixes statistics from
/// earlier weights: after 40 steps, a third of it still comes from the first 30. When the weights
/// move fast relative to the number of steps, it no longer describes the network being
/// evaluated. The offsets are small, but layers that sum thousands of normalized values
/// (SmallCnn's fully connected layer reads 6,272) add them up: a SmallCnn trained on 300 images
/// for 4 epochs of 32 reached a training loss of 0.004 (PyTorch, the same network: 0.014) and
/// scored 50 % (PyTorch: 51 %) of the same images in evaluation mode, with averaged variances 4–13 %
/// off the recomputed ones. A cumulative average over training images with the final weights
/// removes the lag (docs/backbones.md#batch-norm-after-training).
/// </remarks>
internal static class BatchNormStatistics
{
    /// <summary>
    /// Recomputes every batch-norm layer of <paramref name="network"/> that is in training mode
    /// (a frozen backbone's layers are in evaluation mode and keep their statistics) from batches
    /// of <paramref name="batchSize"/> of the training set, and leaves the network in evaluation mode.
    /// The statistics are means over every pixel of every image, so a thousand images pin them
    /// down; what matters is that they come from the current weights.
    /// </summary>
    /// <param name="network">The network, in the train/eval configuration of the epoch just run.</param>
    /// <param name="count">Images in the training set.</param>
    /// <param name="batchSize">The training batch size: each batch's variance is what training normalized with.</param>
    /// <param name="maxImages">At most this many images are read, in whole batches (at least one batch).</param>
    /// <param name="generator">Chooses the images and draws their augmentation; a generator of its own, so training's random streams are untouched.</param>
    /// <param name="batch">The normalized (and augmented, as in training) images of the given training-set indices.</param>
    /// <param name="prefetch">Starts reading the next batch's images while this one runs.</param>
    /// <returns>The number of layers recomputed.</returns>
    public static int Recompute<TOutput>(nn.Module<Tensor, TOutput> network, int count, int batchSize, int maxImages, Generator generator,
        Func<long[], Generator, Tensor> batch, Action<long[]>? prefetch = null)
    {
        var layers = network.modules().OfType<BatchNorm>().Where(b => b.training && b.track_running_stats).ToArray();
        network.eval();
        if (layers.Length == 0 || count == 0 || maxImages <= 0) return 0;

        long[] order;
        order = Draws.Order(generator, count);
        int size = Math.Min(Math.Min(batchSize, count), maxImages);
        // Whole batches only: a short last batch would count as much as a full one in the average.
        int batches = Math.Max(1, Math.Min(count, maxImages) / size);
        long[] Indices(int b) => order.AsSpan(b * size, size).ToArray();

        var momentums = layers.Select(b => b.momentum).ToArray();
        try
        {
            foreach (var layer in layers)
            {
                layer.reset_running_stats();
                layer.momentum = null; // null: a cumulative average over the batches, each weighted alike
                // Only the batch-norm layers run in training mode: dropout and stochastic depth stay
                // off, so nothing draws from the global generator and the statistics are those of
                // the activations evaluation will see.
                layer.train();
            }
            using var _ = no_grad();
            for (int b = 0; b < batches; b++)
            {
                using var scope = NewDisposeScope();
                var images = batch(Indices(b), generator);
                if (b + 1 < batches) prefetch?.Invoke(Indices(b + 1));
                network.call(images);
            }
        }
        finally
        {
            for (int i = 0; i < layers.Length; i++)
            {
                layers[i].momentum = momentums[i];
                layers[i].eval();
            }
        }
        return layers.Length;
    }
}
