// Built from the packed ImageDsl alone, outside the repository (see ConsumerProjectTests).
// `Consumer DATA`: trains a few steps on the images in DATA, predicts, saves and reloads,
// exports ONNX and predicts with the generated OnnxPredictor. `Consumer DATA onnx`: only the
// ONNX predictor, which must work with libtorch gone. Prints lines the test checks.
using ConsumerApp;
using ImageDsl.Training;

var folder = args[0];
var image = Directory.GetFiles(Path.Combine(folder, "images")).Order(StringComparer.Ordinal).First();
var onnxPath = Path.Combine(folder, "model.onnx");

if (args is [_, "onnx"])
{
    using var onnxOnly = DigitAngle.OnnxPredictor.Load(onnxPath);
    Print("onnx-only", onnxOnly.Predict(image));
    return;
}

var data = DigitAngle.LoadCsv(Path.Combine(folder, "labels.csv"));
using var model = DigitAngle.Model.Create(seed: 1);
var history = model.Train(data, new TrainingOptions { Epochs = 2, BatchSize = 4 });
Console.WriteLine($"trained: {history.Epochs.Count} epochs");
Print("prediction", model.Predict(image));

var saved = Path.Combine(folder, "model.imgdsl");
model.Save(saved);
using var loaded = DigitAngle.Model.Load(saved);
Print("reloaded", loaded.Predict(image));

loaded.ExportOnnx(onnxPath);
using var predictor = DigitAngle.OnnxPredictor.Load(onnxPath);
Print("onnx", predictor.Predict(image));

static void Print(string what, DigitAngle.Prediction p) =>
    Console.WriteLine($"{what}: {p.Digit} {p.DigitProbabilities[p.Digit]:F4} {p.Angle:F3}");

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
