using ImageDsl.Images;
using ImageDsl.Specs;

namespace ImageDsl.Serving;

/// <summary>
/// What serving needs of a model, whatever runs it: the TorchSharp <c>Model</c> and the ONNX
/// <c>OnnxPredictor</c> both implement it. Decoding (<see cref="ImageLoader"/>) and the forward
/// pass are separate steps, so a server decodes requests in parallel and batches the forward passes.
/// </summary>
public interface IImagePredictor
{
    /// <summary>The spec the predictions are for.</summary>
    ModelSpec Spec { get; }

    /// <summary>The bounds images are decoded under (file size, declared pixels).</summary>
    DecodingLimits DecodingLimits { get; }

    /// <summary>The generated prediction record's type.</summary>
    Type PredictionType { get; }

    /// <summary>
    /// Runs one batched forward pass on decoded images (each <see cref="InputSpec.Size"/> bytes,
    /// as <see cref="ImageLoader.Decode(ReadOnlySpan{byte}, InputSpec, DecodingLimits?)"/> gives them),
    /// returning one prediction per image, boxed. Safe to call from several threads.
    /// </summary>
    IReadOnlyList<object> PredictDecodedObjects(IReadOnlyList<byte[]> images);
}

/// <summary>The typed half of <see cref="IImagePredictor"/>.</summary>
/// <typeparam name="TPrediction">The generated prediction record.</typeparam>
public interface IImagePredictor<TPrediction> : IImagePredictor
{
    /// <summary>One batched forward pass on decoded images; see <see cref="IImagePredictor.PredictDecodedObjects"/>.</summary>
    /// <exception cref="ArgumentException">An image does not hold <see cref="InputSpec.Size"/> bytes.</exception>
    IReadOnlyList<TPrediction> PredictDecoded(IReadOnlyList<byte[]> images);
}

/// <summary>Checks shared by the predictors' implementations.</summary>
internal static class DecodedImages
{
    public static void Check(InputSpec input, IReadOnlyList<byte[]> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        for (int i = 0; i < images.Count; i++)
            if (images[i] is null || images[i].Length != input.Size)
                throw new ArgumentException($"Decoded image {i} holds {images[i]?.Length ?? 0} bytes; {input} needs {input.Size} (channels x height x width).", nameof(images));
    }
}
