namespace ImageDsl;

/// <summary>
/// Marks a <see cref="LabelMap{TEnum}"/> property as a per-pixel label target (a segmentation
/// mask) over an enum whose members are the classes 0, 1, 2...: its CSV column holds the path of
/// each image's 8-bit PNG mask, each pixel a class index.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class MaskAttribute : TargetAttribute
{
    /// <summary>The pixel value of pixels left out of the loss and the metrics (255 in VOC); -1 for none.</summary>
    public int IgnoreLabel { get; set; } = -1;

    /// <summary>One weight per class for the cross-entropy, in class order; empty for equal weights.</summary>
    public double[]? ClassWeights { get; set; }

    /// <summary>The output's width in pixels; 0 for the input's.</summary>
    public int Width { get; set; }

    /// <summary>The output's height in pixels; 0 for the input's.</summary>
    public int Height { get; set; }
}
