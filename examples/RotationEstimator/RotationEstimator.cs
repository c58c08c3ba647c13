namespace ImageDsl.Examples;

/// <summary>How far a digit was rotated, from its 28x28 grayscale image.</summary>
[ImageModel(Width = 28, Height = 28, Channels = 1)]
public partial class RotationEstimator
{
    /// <summary>The rotation, degrees, counter-clockwise positive.</summary>
    [Range(-45, 45, Unit = "degrees", Tolerance = 10)] public float Angle { get; init; }
}
