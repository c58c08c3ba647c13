namespace ImageDsl.Tests.Generator.Fixtures;

/// <summary>A spec whose targets all move with geometric augmentation, compiled by the real build.</summary>
[ImageModel(Width = 32, Height = 32, Channels = 1)]
public partial class MovingSpec
{
    /// <summary>How far the image was turned.</summary>
    [Range(-30, 30, Unit = "degrees", ImageRotation = RotationSense.CounterClockwise)] public float Tilt { get; init; }

    /// <summary>Two landmarks.</summary>
    [Vector(Length = 4, Min = 0, Max = 32, Points = true)] public float[] Marks { get; init; } = new float[4];

    /// <summary>The object's box.</summary>
    [Box(BoxFormat.XYXY, Min = 0, Max = 32)] public BoundingBox Box { get; init; }
}
