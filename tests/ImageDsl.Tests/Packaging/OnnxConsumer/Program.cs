// Built from the packed ImageDsl with no libtorch backend (ConsumerProjectTests): `OnnxConsumer MODEL IMAGE`
// predicts with the generated OnnxPredictor only and prints the time from process start to that prediction.
using System.Diagnostics;
using ConsumerApp;

using var predictor = DigitAngle.OnnxPredictor.Load(args[0]);
var p = predictor.Predict(args[1]);
var sinceStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
Console.WriteLine($"onnx-only: {p.Digit} {p.DigitProbabilities[p.Digit]:F4} {p.Angle:F3}");
Console.WriteLine($"first prediction {sinceStart.TotalMilliseconds:F0} ms after process start");

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
