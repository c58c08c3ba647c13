using ImageDsl.Tests.EndToEnd;

namespace ImageDsl.Tests.Onnx;

// Generated like users' specs. The sizes pick each form the exporter gives SmallCnn's 7x7
// adaptive pooling: 28 -> 7 (none), 32 -> 8 (overlapping windows), 56 -> 14 (AveragePool).

/// <summary>One label target, 28x28 grayscale.</summary>
[ImageModel(Width = 28, Height = 28, Channels = 1)]
public partial class OnnxLabels
{
    [Labels] public Digit Digit { get; init; }
}

/// <summary>One range target, 32x32 RGB (three channels of normalization).</summary>
[ImageModel(Width = 32, Height = 32, Channels = 3)]
public partial class OnnxRange
{
    [Range(-45, 45, Unit = "degrees")] public float Angle { get; init; }
}

/// <summary>A label and a range target on one backbone, 56x56.</summary>
[ImageModel(Width = 56, Height = 56, Channels = 1)]
public partial class OnnxMixed
{
    [Labels] public Digit Digit { get; init; }
    [Range(-45, 45)] public double RotationAngle { get; init; }
}
