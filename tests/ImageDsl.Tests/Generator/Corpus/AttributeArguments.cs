// Attribute arguments written as constants, nameof, arithmetic, casts, named arguments in any
// order and fully qualified attribute names.
using ImageDsl;

namespace Corpus.AttributeArguments;

public enum Mark { Tick, Cross }

public static class Settings
{
    public const int Side = 24;
    public const double Half = 0.5;
    public const string Column = "the " + nameof(Mark);
}

[global::ImageDsl.ImageModelAttribute(Channels = 1, Height = Settings.Side * 2, Width = Settings.Side, Backbone = Backbone.PlainCnn, BackboneBlocks = 3)]
public partial class Marker
{
    [ImageDsl.Labels(Column = Settings.Column, LossWeight = Settings.Half * 3, Metrics = Metric.Accuracy | Metric.F1, LabelSmoothing = 1e-2)]
    public Mark Mark { get; init; }

    [Range(max: 2 * System.Math.PI, min: 0, Periodic = true, Unit = "rad", Loss = LossFunction.MeanAbsoluteError)]
    public double Heading { get; init; }

    [Range(-1f, 1f, HuberDelta = 0.1f, Loss = LossFunction.Huber, Tolerance = 0.05)]
    public float Tilt { get; init; }
}
