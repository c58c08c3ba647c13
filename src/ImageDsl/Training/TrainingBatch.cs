using ImageDsl.Data;
using ImageDsl.Specs;
using static TorchSharp.torch;

namespace ImageDsl.Training;

/// <summary>
/// A batch as a training step sees it, made in one place for the trainer, its batch-norm pass
/// and the learning-rate finder: cut from the cache, augmented (targets moved with the image
/// where they are geometric), then normalized, on the network's device: the cache is host memory,
/// and the batch crosses as bytes (a quarter of its floats) before anything else is done to it.
/// </summary>
internal static class TrainingBatch
{
    public static (Tensor Images, Tensor Targets) Make(ModelSpec spec, Normalization normalization, BatchSource data, long[] indices,
        Augmentation augmentation, Generator generator, Device device)
    {
        var (images, targets, _) = data.Take(indices, device);
        if (!augmentation.IsEnabled) return (normalization.Apply(images), targets);
        var window = augmentation.Rotation > 0 ? GeometricTargets.Window(spec, targets) : null;
        var (augmented, moves) = Augment.Apply(images.to_type(ScalarType.Float32).div_(255f), augmentation, generator, window);
        if (moves is not null) targets = GeometricTargets.Move(spec, targets, moves);
        return (normalization.ApplyToUnit(augmented), targets);
    }
}
