using static TorchSharp.torch;

namespace ImageDsl.Specs;

/// <summary>
/// A target whose values may be positions in the image (boxes, keypoints): when augmentation
/// moves the image, the trainer moves the target with it through this interface. Targets
/// that do not implement it are taken to be unchanged by moving the image (labels, ages).
/// </summary>
public interface IGeometricTarget
{
    /// <summary>
    /// True when this target's values are positions the trainer knows how to move. A plain
    /// vector implements the interface but answers false: nothing says its numbers are
    /// coordinates, so geometric augmentation is refused for it rather than silently wrong.
    /// </summary>
    bool MovesWithImage { get; }

    /// <summary>
    /// Returns the target's encoded columns <c>[N, EncodedWidth]</c> after each image was moved
    /// by its forward pixel transform <c>[N, 2, 3]</c> (acting on coordinates centred on the image).
    /// </summary>
    Tensor Move(Tensor encoded, Tensor pixelTransforms, InputSpec input);
}
