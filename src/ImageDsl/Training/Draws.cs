using static TorchSharp.torch;

namespace ImageDsl.Training;

/// <summary>
/// Random draws from a run's seeded generator, put on the device of the tensors they will meet.
/// The generator lives on the CPU (<c>new Generator(seed)</c>), so a seed draws the same numbers
/// whichever device trains, and a checkpoint saves its state the same way; the draws are a few
/// numbers per image, except noise, which is one per pixel and is copied once per batch.
/// </summary>
internal static class Draws
{
    /// <summary>Uniform in [0, 1), of <paramref name="shape"/>, on <paramref name="device"/>.</summary>
    public static Tensor Uniform(Generator generator, Device device, long[] shape, ScalarType dtype = ScalarType.Float32) =>
        rand(shape, dtype, device: generator.device, generator: generator).to(device);

    /// <summary>Standard normal, of <paramref name="shape"/>, on <paramref name="device"/>.</summary>
    public static Tensor Normal(Generator generator, Device device, long[] shape) =>
        randn(shape, device: generator.device, generator: generator).to(device);

    /// <summary>A random permutation of 0 … <paramref name="n"/> − 1 (int64) on <paramref name="device"/>.</summary>
    public static Tensor Permutation(Generator generator, Device device, long n) =>
        randperm(n, device: generator.device, generator: generator).to(device);

    /// <summary>A random permutation of 0 … <paramref name="n"/> − 1, as an array.</summary>
    public static long[] Order(Generator generator, long n)
    {
        // The scope also disposes what cpu() hands back: a new tensor even when the permutation is already there.
        using var scope = NewDisposeScope();
        return randperm(n, device: generator.device, generator: generator).cpu().data<long>().ToArray();
    }
}
