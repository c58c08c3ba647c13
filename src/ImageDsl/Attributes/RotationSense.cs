namespace ImageDsl;

/// <summary>
/// Which way a target that measures the image's own rotation counts positive angles (see
/// <see cref="RangeAttribute.ImageRotation"/>).
/// </summary>
public enum RotationSense
{
    /// <summary>The target is not the image's rotation.</summary>
    None = 0,

    /// <summary>Positive values turn the image content counter-clockwise, as in mathematics.</summary>
    CounterClockwise = 1,

    /// <summary>Positive values turn the image content clockwise, as on a compass.</summary>
    Clockwise = 2,
}
