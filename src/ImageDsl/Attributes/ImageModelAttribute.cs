namespace ImageDsl;

/// <summary>
/// Marks a <c>partial</c> class as an image model spec. Its properties marked with
/// <see cref="LabelsAttribute"/> or <see cref="RangeAttribute"/> are the targets the model
/// predicts; the ImageDsl source generator adds the network, losses, metrics, a typed
/// <c>Prediction</c> record and a <c>Model</c> class to it.
/// </summary>
/// <example>
/// <code>
/// [ImageModel(Width = 28, Height = 28, Channels = 1)]
/// public partial class DigitClassifier
/// {
///     [Labels] public Digit Digit { get; init; }
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ImageModelAttribute : Attribute
{
    /// <summary>Width in pixels every image is resized to before it enters the network.</summary>
    public int Width { get; set; } = 224;

    /// <summary>Height in pixels every image is resized to before it enters the network.</summary>
    public int Height { get; set; } = 224;

    /// <summary>1 for grayscale, 3 for RGB. Images are converted to this on load.</summary>
    public int Channels { get; set; } = 3;

    /// <summary>The feature extractor shared by all targets.</summary>
    public Backbone Backbone { get; set; } = Backbone.SmallCnn;

    /// <summary>
    /// For <see cref="Backbone.PlainCnn"/>: its number of conv-conv-pool blocks, 1 to 6 (0, the
    /// default, means 3). Each block halves the image, so images need at least 2^blocks pixels a
    /// side. Other backbones have a fixed shape and refuse it (IMGDSL0039).
    /// </summary>
    public int BackboneBlocks { get; set; }

    /// <summary>
    /// For <see cref="Backbone.PlainCnn"/>: the channels of its first block, 4 to 256 (0, the
    /// default, means 32); each further block doubles them. Other backbones refuse it (IMGDSL0039).
    /// </summary>
    public int BackboneWidth { get; set; }

    /// <summary>
    /// For <see cref="Backbone.PlainCnn"/>: 1 to 8 to average its final feature map to that many
    /// cells a side and flatten them into a 256-unit layer, which keeps where things are in the image
    /// (angles, boxes, points need it); 0, the default, averages the map globally (enough for
    /// classification). Other backbones refuse it (IMGDSL0039).
    /// </summary>
    public int BackboneGrid { get; set; }
}
