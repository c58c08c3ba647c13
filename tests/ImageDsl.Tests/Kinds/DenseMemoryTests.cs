using ImageDsl.Training;

namespace ImageDsl.Tests.Kinds;

/// <summary>Dense outputs are big (two 16x16 maps per image here, [64, 3, 16, 16] logits per batch): none of it may outlive its step.</summary>
public class DenseMemoryTests
{
    private sealed class AtEpochEnd(Action<TrainingProgress> action) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value)
        {
            if (value.EpochCompleted) action(value);
        }
    }

    [Fact]
    public void Memory_stays_flat_across_epochs_with_dense_outputs_at_batch_64()
    {
        using var temp = new TemporaryDirectory();
        var data = ToyScene.LoadDataset(DenseTargetTests.WriteScenes(temp.Path, 128));
        using var model = ToyScene.Model.Create(seed: 4);
        var liveTensors = new List<long>();
        var workingSet = new List<long>();
        model.Train(data, new TrainingOptions { Epochs = 8, BatchSize = 64, LearningRate = 3e-3 }, new AtEpochEnd(_ =>
        {
            liveTensors.Add(TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount);
            workingSet.Add(Environment.WorkingSet);
        }));
        Assert.Equal(8, liveTensors.Count);
        // After the first epochs have warmed every cache, no tensor is left behind per epoch.
        Assert.True(liveTensors[^1] <= liveTensors[2], $"live tensors per epoch: {string.Join(", ", liveTensors)}");
        long growth = workingSet[^1] - workingSet[2];
        Assert.True(growth < 64L << 20, $"working set grew {growth >> 20} MB from epoch 3 to 8 ({string.Join(", ", workingSet.Select(w => w >> 20))} MB)");
    }
}
