using static TorchSharp.torch;

namespace ImageDsl.Benchmarks;

/// <summary>
/// The baseline: the same network driven by the shortest reasonable TorchSharp code — inputs
/// already normalized floats, contiguous batches, Adam with the same settings, a dispose
/// scope per step. What our side does on top of this is what the ratio measures.
/// </summary>
internal sealed class HandWrittenLoop : ISide
{
    private readonly Workload workload;
    private readonly BenchmarkNetwork network;
    private readonly optim.Optimizer optimizer;
    private readonly Tensor images;
    private readonly Tensor targets;
    private readonly Tensor inferenceImages;
    private readonly Tensor single;
    private readonly int steps;
    private readonly int inferenceBatches;

    public HandWrittenLoop(Workload workload, Effort effort)
    {
        this.workload = workload;
        manual_seed(1);
        network = new BenchmarkNetwork(workload.Spec);
        // The Trainer's default optimizer (Adam, lr 1e-3), with TorchSharp's own per-parameter step,
        // as a user's loop would call it.
        optimizer = optim.Adam(network.parameters(), 1e-3);
        var input = workload.Spec.Input;
        steps = workload.TrainSteps(effort);
        inferenceBatches = workload.InferenceBatches(effort);
        int count = Workload.TrainBatch * steps;
        images = randn(count, input.Channels, input.Height, input.Width).DetachFromDisposeScope();
        targets = (workload.IsRegression ? rand(count, 1) * 2 - 1 : randint(0, workload.Spec.Targets[0].OutputWidth, count)).DetachFromDisposeScope();
        inferenceImages = randn(Workload.InferenceBatch * inferenceBatches, input.Channels, input.Height, input.Width).DetachFromDisposeScope();
        single = randn(1, input.Channels, input.Height, input.Width).DetachFromDisposeScope();
    }

    /// <summary>Parameters of the network both TorchSharp sides train (the PyTorch side's must equal it).</summary>
    public long ParameterCount => network.parameters().Sum(p => p.numel());

    public Timing Train() => Timing.Measure(steps * Workload.TrainBatch, TrainSteps);

    private void TrainSteps()
    {
        network.train();
        for (int step = 0; step < steps; step++)
        {
            using var scope = NewDisposeScope();
            var x = images.narrow(0, step * Workload.TrainBatch, Workload.TrainBatch);
            var y = targets.narrow(0, step * Workload.TrainBatch, Workload.TrainBatch);
            var output = network.call(x)[0];
            var loss = workload.IsRegression ? nn.functional.mse_loss(output, y) : nn.functional.cross_entropy(output, y);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            loss.item<float>();
        }
    }

    public Timing Infer()
    {
        network.eval();
        return Timing.Measure(inferenceBatches * Workload.InferenceBatch, () =>
        {
            using var _ = no_grad();
            for (int batch = 0; batch < inferenceBatches; batch++)
            {
                using var scope = NewDisposeScope();
                network.call(inferenceImages.narrow(0, batch * Workload.InferenceBatch, Workload.InferenceBatch))[0].softmax(1).data<float>().ToArray();
            }
        });
    }

    public Timing Latency(int repetitions)
    {
        network.eval();
        using var _ = no_grad();
        return Timing.Median(Enumerable.Range(0, repetitions).Select(_ => Timing.Measure(1, () =>
        {
            using var scope = NewDisposeScope();
            network.call(single)[0].softmax(1).data<float>().ToArray();
        })).ToArray());
    }

    public void Dispose()
    {
        optimizer.Dispose();
        network.Dispose();
        images.Dispose();
        targets.Dispose();
        inferenceImages.Dispose();
        single.Dispose();
    }
}
