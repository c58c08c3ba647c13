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
}
