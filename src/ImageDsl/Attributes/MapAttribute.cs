namespace ImageDsl;

/// <summary>
/// Marks a <see cref="ValueMap"/> property as a per-pixel regression target (depth, height,
/// density): its CSV column holds the path of each image's map file, a 16-bit PNG (each pixel
/// times <see cref="Scale"/>, <see cref="InvalidValue"/> marking invalid pixels) or a float32
/// <c>.npy</c> array (NaN or <see cref="InvalidValue"/> invalid), of the image's size.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class MapAttribute : TargetAttribute
{
    /// <summary>The smallest value, with <see cref="Max"/>: a bounded map, whose head outputs [Min, Max]. Unset (NaN): unbounded.</summary>
    public double Min { get; set; } = double.NaN;

    /// <summary>The largest value, with <see cref="Min"/>.</summary>
    public double Max { get; set; } = double.NaN;

    /// <summary>True for positive values learnt as their logarithm (depth): the head predicts ln(value), the loss compares logs.</summary>
    public bool Log { get; set; }

    /// <summary>The values' unit, shown in reports ("m").</summary>
    public string? Unit { get; set; }

    /// <summary>The output's width in pixels; 0 for the input's.</summary>
    public int Width { get; set; }

    /// <summary>The output's height in pixels; 0 for the input's.</summary>
    public int Height { get; set; }

    /// <summary>User units per PNG unit: 0.001 reads millimetres as metres (KITTI, NYU).</summary>
    public double Scale { get; set; } = 1.0;

    /// <summary>The file value that marks an invalid pixel (0 in KITTI and NYU); NaN for none beyond NaN itself.</summary>
    public double InvalidValue { get; set; } = double.NaN;

    /// <summary>Huber delta in the map's units.</summary>
    public double HuberDelta { get; set; } = 1.0;
}
