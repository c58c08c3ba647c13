using static TorchSharp.torch;

namespace ImageDsl.Data;

/// <summary>
/// Per-channel mean and standard deviation of pixel values on the [0, 1] scale. Computed
/// from the training set when a model is first trained, and saved with the model so that
/// prediction normalizes exactly as training did.
/// </summary>
/// <param name="Mean">Mean per channel.</param>
/// <param name="Std">Standard deviation per channel.</param>
public sealed record Normalization(float[] Mean, float[] Std)
{
    /// <summary>Maps [0, 1] to [-1, 1]: the starting point before any data is seen.</summary>
    public static Normalization Default(int channels) =>
        new(Enumerable.Repeat(0.5f, channels).ToArray(), Enumerable.Repeat(0.5f, channels).ToArray());

    /// <summary>Measures the training images.</summary>
    internal static Normalization Measure(Tensor images)
    {
        using var scope = NewDisposeScope();
        var x = images.to_type(ScalarType.Float64).div_(255.0);
        var dims = new long[] { 0, 2, 3 };
        var mean = x.mean(dims).to_type(ScalarType.Float32).cpu().data<float>().ToArray();
        var std = x.std(dims).to_type(ScalarType.Float32).cpu().data<float>().ToArray();
        return new Normalization(mean, std.Select(s => Math.Max(s, 1e-3f)).ToArray());
    }

    /// <summary>Turns uint8 images <c>[N, C, H, W]</c> into normalized floats.</summary>
    public Tensor Apply(Tensor bytes) => Scaled(bytes.to_type(ScalarType.Float32), 255f);

    /// <summary>Normalizes float images <c>[N, C, H, W]</c> whose pixels are already in [0, 1].</summary>
    public Tensor ApplyToUnit(Tensor unitImages) => Scaled(unitImages, 1f);

    private Tensor Scaled(Tensor images, float fullScale)
    {
        using var scope = NewDisposeScope();
        int channels = Mean.Length;
        var scale = tensor(Std.Select(s => 1f / (fullScale * s)).ToArray(), device: images.device).reshape(1, channels, 1, 1);
        var shift = tensor(Mean.Zip(Std, (m, s) => -m / s).ToArray(), device: images.device).reshape(1, channels, 1, 1);
        return (images * scale).add_(shift).MoveToOuterDisposeScope();
    }

    /// <summary>Value equality over the arrays, so saved and loaded normalizations compare equal.</summary>
    public bool Equals(Normalization? other) =>
        other is not null && Mean.AsSpan().SequenceEqual(other.Mean) && Std.AsSpan().SequenceEqual(other.Std);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Mean.Length, Mean.FirstOrDefault(), Std.FirstOrDefault());
}
