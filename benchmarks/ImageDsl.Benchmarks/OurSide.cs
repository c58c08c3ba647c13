using ImageDsl.Data;
using ImageDsl.Training;
using SixLabors.ImageSharp;

namespace ImageDsl.Benchmarks;

/// <summary>
/// ImageDsl's real code paths: <c>ImageModel.Train</c> (the Trainer: shuffling, byte-to-float
/// normalization per batch, Adam (the fused update), learning-rate schedule, dispose scopes), evaluation in
/// batches of 256 (normalize, forward, loss, metrics) and <c>Predict</c> on an in-memory image.
/// </summary>
internal sealed class OurSide : ISide
{
    private readonly BenchmarkModel model;
    private readonly ImageDataset training;
    private readonly ImageDataset? inference;
    private readonly Image? single;
    // Like for like with the hand-written loop: no pass recomputing batch norm's statistics after
    // the steps (a fixed cost per Train, not per step; docs/backbones.md gives it).
    private readonly TrainingOptions options = new()
    {
        Epochs = 1, BatchSize = Workload.TrainBatch, Schedule = LearningRateSchedule.Constant, BatchNormStatisticsImages = 0,
    };

    public OurSide(Workload workload, Effort effort, string directory)
    {
        model = BenchmarkModel.Create(workload.Spec, seed: 1);
        training = SyntheticData.Create(workload.Spec, Workload.TrainBatch * workload.TrainSteps(effort), Path.Combine(directory, "train"), seed: 2);
        if (workload.Inference)
        {
            inference = SyntheticData.Create(workload.Spec, Workload.InferenceBatch * workload.InferenceBatches(effort), Path.Combine(directory, "inference"), seed: 3);
            single = Image.Load(inference.Samples[0].Path);
        }
    }

    /// <summary>The model being measured (the ONNX Runtime side exports it).</summary>
    public BenchmarkModel Model => model;

    /// <summary>The image whose single prediction is timed; null for a workload without inference.</summary>
    public Image? Single => single;

    // Each call is a whole Train(): its setup (optimizer state, shuffling) is on the clock too.
    public Timing Train() => Timing.Measure(training.Count, () => model.Train(training, options));

    public Timing Infer()
    {
        var data = inference ?? throw new InvalidOperationException("No inference data for this workload.");
        return Timing.Measure(data.Count, () => model.Evaluate(data));
    }

    public Timing Latency(int repetitions)
    {
        var image = single ?? throw new InvalidOperationException("No inference data for this workload.");
        return Timing.Median(Enumerable.Range(0, repetitions).Select(_ => Timing.Measure(1, () => model.Predict(image))).ToArray());
    }

    public void Dispose()
    {
        model.Dispose();
        single?.Dispose();
    }
}
