namespace ImageDsl.Examples;

/// <summary>The ten MNIST digits; the numeric values let CSV cells 0..9 map onto them.</summary>
public enum Digit { Zero = 0, One = 1, Two = 2, Three = 3, Four = 4, Five = 5, Six = 6, Seven = 7, Eight = 8, Nine = 9 }

/// <summary>Which digit a 64x64 grayscale canvas shows, and where: a multi-task model with one backbone and two heads.</summary>
[ImageModel(Width = 64, Height = 64, Channels = 1, Backbone = Backbone.CoordCnn)]
public partial class DigitLocator
{
    /// <summary>The digit (CSV column <c>digit</c>).</summary>
    [Labels(Column = "digit", LabelSmoothing = 0.05)] public Digit Digit { get; init; }

    /// <summary>Its tight ink box in pixels (CSV columns <c>x, y, w, h</c>), never predicted outside the canvas.</summary>
    [Box(BoxFormat.XYWH, Min = 0, Max = 64, LossWeight = 6, Metrics = Metric.MeanIoU | Metric.Mae)]
    public BoundingBox Box { get; init; }
}
