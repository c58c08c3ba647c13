// Built from the packed ImageDsl alone, outside the repository (see ConsumerProjectTests):
// trains a few steps on the images in args[0], predicts, saves and reloads, and prints
// lines the test checks.
using ConsumerApp;
using ImageDsl.Training;

var folder = args[0];
var data = DigitAngle.LoadCsv(Path.Combine(folder, "labels.csv"));
using var model = DigitAngle.Model.Create(seed: 1);
var history = model.Train(data, new TrainingOptions { Epochs = 2, BatchSize = 4 });
Console.WriteLine($"trained: {history.Epochs.Count} epochs");

var image = Directory.GetFiles(Path.Combine(folder, "images")).Order(StringComparer.Ordinal).First();
DigitAngle.Prediction prediction = model.Predict(image);
Console.WriteLine($"prediction: {prediction.Digit} {prediction.DigitProbabilities[prediction.Digit]:F4} {prediction.Angle:F4}");

var saved = Path.Combine(folder, "model.imgdsl");
model.Save(saved);
using var loaded = DigitAngle.Model.Load(saved);
var again = loaded.Predict(image);
Console.WriteLine($"reloaded: {again.Digit} {again.DigitProbabilities[again.Digit]:F4} {again.Angle:F4}");

namespace ConsumerApp
{
    /// <summary>The digits in the sample.</summary>
    public enum Digit
    {
        /// <summary>The digit 0.</summary>
        Zero,

        /// <summary>The digit 1.</summary>
        One,
    }

    /// <summary>A digit and the angle it was rotated by: one target of each kind.</summary>
    [ImageDsl.ImageModel(Width = 28, Height = 28, Channels = 1)]
    public partial class DigitAngle
    {
        /// <summary>Which digit.</summary>
        [ImageDsl.Labels] public Digit Digit { get; init; }

        /// <summary>The rotation, counter-clockwise.</summary>
        [ImageDsl.Range(-45, 45, Unit = "degrees")] public float Angle { get; init; }
    }
}
