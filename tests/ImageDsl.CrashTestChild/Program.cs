// Usage: ImageDsl.CrashTestChild <digits-folder> <checkpoint-path>
// Trains without end on a small folder-per-class dataset, writing a checkpoint after every
// epoch (one step each), and prints "checkpoint" after each so the test knows one exists.
using ImageDsl;
using ImageDsl.Training;

var data = CrashDigits.LoadDataset(args[0]).Sample(64, seed: 1);
using var model = CrashDigits.Model.Create(seed: 1);
var options = new TrainingOptions { Epochs = 100_000, BatchSize = 64, CheckpointPath = args[1], Schedule = LearningRateSchedule.Constant };
model.Train(data, options, new EpochPrinter());

internal sealed class EpochPrinter : IProgress<TrainingProgress>
{
    public void Report(TrainingProgress value)
    {
        if (value.EpochCompleted) Console.WriteLine("checkpoint");
    }
}

public enum Digit { Zero, One, Two, Three, Four, Five, Six, Seven, Eight, Nine }

[ImageModel(Width = 28, Height = 28, Channels = 1)]
public partial class CrashDigits
{
    [Labels] public Digit Digit { get; init; }
}
