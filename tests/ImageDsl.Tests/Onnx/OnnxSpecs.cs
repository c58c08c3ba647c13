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

/// <summary>A digit and its box on CoordCnn, the locator's backbone: a label and a bounded box target.</summary>
[ImageModel(Width = 28, Height = 28, Channels = 1, Backbone = Backbone.CoordCnn)]
public partial class OnnxLocator
{
    [Labels] public Digit Digit { get; init; }
    [Box(BoxFormat.XYWH, Min = 0, Max = 28)] public BoundingBox Box { get; init; }
}

/// <summary>Tags of a digit, for the multi-label target.</summary>
[Flags] public enum OnnxTags { Even = 1, Big = 2, Loop = 4 }

/// <summary>A point, for the unbounded record vector.</summary>
/// <param name="X">Across.</param>
/// <param name="Y">Down.</param>
public readonly record struct OnnxPoint(float X, float Y);

/// <summary>Every target kind on PlainCnn, 16x16: the typed ONNX predictor returns each kind's typed value.</summary>
[ImageModel(Width = 16, Height = 16, Channels = 1, Backbone = Backbone.PlainCnn)]
public partial class OnnxEveryKind
{
    [Labels] public Digit Digit { get; init; }
    [Labels("odd", "even", Threshold = 0.6)] public bool IsEven { get; init; }
    [Labels] public OnnxTags Tags { get; init; }
    [Range(0, 360, Periodic = true, Unit = "degrees")] public float Heading { get; init; }
    [Value(Unit = "m")] public double Depth { get; init; }
    [Vector(Length = 4, Min = 0, Max = 16)] public float[] Corners { get; init; } = new float[4];
    [Vector(Columns = new[] { "cx", "cy" })] public OnnxPoint Center { get; init; }
    [Box(BoxFormat.XYWH, Min = 0, Max = 16)] public BoundingBox Box { get; init; }
}
