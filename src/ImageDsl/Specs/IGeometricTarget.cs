using static TorchSharp.torch;

namespace ImageDsl.Specs;

/// <summary>
/// A target whose values are positions in the image (boxes, keypoints): when augmentation
/// moves the image, the trainer moves the target with it through this interface. Targets
/// that do not implement it are taken to be unchanged by moving the image (labels, ages).
/// </summary>
public interface IGeometricTarget
{
    /// <summary>
    /// Returns the target's encoded columns <c>[N, EncodedWidth]</c> after each image was moved
    /// by its forward pixel transform <c>[N, 2, 3]</c> (acting on coordinates centred on the image).
    /// </summary>
    Tensor Move(Tensor encoded, Tensor pixelTransforms, InputSpec input);
}
