using System.Diagnostics;
using ImageDsl.Data;
using ImageDsl.Training;
using static TorchSharp.torch;

namespace ImageDsl.Benchmarks.Pipeline;

/// <summary>The two training loops compared, on the same generated network and the same decoded data.</summary>
internal static class Loops
{
    private const int Epochs = 2;

    /// <summary>ImageDsl's own loop: Train with the options that match the hand-written loop (Adam, constant rate, no augmentation).</summary>
    public static double OurLoop(ImageDataset data)
    {
        using var model = BenchDigits.Model.Create(seed: 1);
        var history = model.Train(data, new TrainingOptions { Epochs = Epochs, Schedule = LearningRateSchedule.Constant });
        return history.Epochs.Average(e => e.ImagesPerSecond);
    }

    /// <summary>What a TorchSharp user writes by hand: shuffle, slice, forward, cross-entropy, backward, Adam.</summary>
    public static double HandWrittenLoop(ImageDataset data)
    {
        manual_seed(1);
        using var network = new BenchDigits.Network();
        using var optimizer = optim.Adam(network.parameters(), 1e-3);
        var source = data.Batches;
        var (allImages, allTargets, _) = source.Take(BatchSource.Range(0, source.Count));
        using var images = allImages.to_type(ScalarType.Float32).div_(255f).sub_(0.5f).div_(0.5f);
        using var labels = allTargets[.., 0].to_type(ScalarType.Int64);
        allImages.Dispose();
        allTargets.Dispose();
        network.train();
        var rates = new List<double>();
        for (int epoch = 0; epoch < Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            using var order = randperm(source.Count);
            for (int start = 0; start < source.Count; start += 64)
            {
                using var scope = NewDisposeScope();
                var index = order.narrow(0, start, Math.Min(64, source.Count - start));
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(network.call(images.index_select(0, index))[0], labels.index_select(0, index));
                loss.backward();
                optimizer.step();
                loss.item<float>();
            }
            rates.Add(source.Count / clock.Elapsed.TotalSeconds);
        }
        return rates.Average();
    }

    /// <summary>Resident memory (bytes) at the end of each epoch of one training run.</summary>
    public static double[] ResidentMemoryPerEpoch(ImageDataset data, int epochs)
    {
        using var model = BenchDigits.Model.Create(seed: 1);
        var rss = new List<double>();
        model.Train(data, new TrainingOptions { Epochs = epochs, Augmentation = new Augmentation { Shift = 2 } }, new EpochMemory(rss));
        return rss.ToArray();
    }

    private sealed class EpochMemory(List<double> into) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value)
        {
            if (!value.EpochCompleted) return;
            GC.Collect();
            GC.WaitForPendingFinalizers();
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            into.Add(process.WorkingSet64);
        }
    }
}
