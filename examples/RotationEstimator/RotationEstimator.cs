namespace ImageDsl.Examples;

/// <summary>How far a digit was rotated, from its 28x28 grayscale image.</summary>
/// <remarks>
/// A PlainCnn (three blocks of two convolutions) whose final 3x3 map is flattened rather than
/// averaged (<c>BackboneGrid = 3</c>): where the strokes are is what the angle is read from, and
/// global average pooling throws that away (measured here: RMSE 5.7 against 4.7 degrees).
/// Training moves images by up to two whole pixels, which leaves the angle as it is and copies
/// pixels exactly. Rotating them would change the answer (the analyzer refuses it, IMGDSL0035).
/// Scaling is allowed but measured worse here: resampling softens the thin strokes.
/// </remarks>
[ImageModel(Width = 28, Height = 28, Channels = 1, Backbone = Backbone.PlainCnn, BackboneGrid = 3)]
[Augment(Shift = 2)]
public partial class RotationEstimator
{
    /// <summary>The rotation, degrees, counter-clockwise positive.</summary>
    [Range(-45, 45, Unit = "degrees", Tolerance = 10)] public float Angle { get; init; }
}
