using ImageDsl.Images;
using ImageDsl.Specs;
using static TorchSharp.torch;

namespace ImageDsl.Modeling;

public abstract partial class ImageModel<TLabels, TPrediction>
{
    private const int PredictionBatch = 64;

    /// <summary>Predicts the targets of one image file.</summary>
    /// <param name="imagePath">The image file.</param>
    /// <param name="testTimeAugmentation">Also predict moved copies of the image and average (see <see cref="TestTimeAugmentation"/>); null predicts the image alone.</param>
    /// <exception cref="InvalidOperationException">The model was neither trained nor loaded (see <see cref="AllowUntrained"/>), or the test-time augmentation would corrupt a target.</exception>
    public TPrediction Predict(string imagePath, TestTimeAugmentation? testTimeAugmentation = null) => Predict([imagePath], testTimeAugmentation)[0];

    /// <summary>Predicts the targets of an image already in memory.</summary>
    /// <param name="image">The image.</param>
    /// <param name="testTimeAugmentation">Also predict moved copies of the image and average (see <see cref="TestTimeAugmentation"/>); null predicts the image alone.</param>
    /// <exception cref="InvalidOperationException">The model was neither trained nor loaded (see <see cref="AllowUntrained"/>), or the test-time augmentation would corrupt a target.</exception>
    public TPrediction Predict(SixLabors.ImageSharp.Image image, TestTimeAugmentation? testTimeAugmentation = null)
    {
        using var lease = usage.Enter("predict");
        RequireTrained("predict");
        testTimeAugmentation?.Check(Spec);
        return PredictBytes([ImageLoader.Decode(image, Spec.Input)], testTimeAugmentation)[0];
    }

    /// <summary>Predicts many image files, decoding in parallel and running the network in batches.</summary>
    /// <param name="imagePaths">The image files.</param>
    /// <param name="testTimeAugmentation">Also predict moved copies of each image and average (see <see cref="TestTimeAugmentation"/>); null predicts the images alone.</param>
    /// <exception cref="InvalidOperationException">The model was neither trained nor loaded (see <see cref="AllowUntrained"/>), or the test-time augmentation would corrupt a target.</exception>
    /// <exception cref="FileNotFoundException">An image file does not exist; the message names it.</exception>
    /// <exception cref="InvalidDataException">An image file cannot be decoded; the message names it and why.</exception>
    /// <exception cref="ObjectDisposedException">The model has been disposed (a call in flight when it is disposed finishes first).</exception>
    public IReadOnlyList<TPrediction> Predict(IEnumerable<string> imagePaths, TestTimeAugmentation? testTimeAugmentation = null)
    {
        ArgumentNullException.ThrowIfNull(imagePaths);
        using var lease = usage.Enter("predict");
        RequireTrained("predict");
        testTimeAugmentation?.Check(Spec);
        var paths = imagePaths.ToArray();
        foreach (var path in paths)
        {
            if (path is null) throw new ArgumentException("An image path is null.", nameof(imagePaths));
            if (!File.Exists(path)) throw new FileNotFoundException($"Image file not found: {Path.GetFullPath(path)}", path);
        }
        var results = new List<TPrediction>(paths.Length);
        for (int start = 0; start < paths.Length; start += PredictionBatch)
        {
            var chunk = paths.AsSpan(start, Math.Min(PredictionBatch, paths.Length - start)).ToArray();
            var bytes = new byte[chunk.Length][];
            try
            {
                Parallel.For(0, chunk.Length, i =>
                {
                    bytes[i] = new byte[Spec.Input.Size];
                    ImageLoader.Decode(chunk[i], Spec.Input, bytes[i]);
                });
            }
            catch (AggregateException e) when (e.InnerExceptions.Count > 0)
            {
                // The first image's own exception, not the thread pool's wrapper.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            }
            results.AddRange(PredictBytes(bytes, testTimeAugmentation));
        }
        return results;
    }

    private IReadOnlyList<TPrediction> PredictBytes(byte[][] images, TestTimeAugmentation? testTimeAugmentation)
    {
        var input = Spec.Input;
        var flat = new byte[images.Length * input.Size];
        for (int i = 0; i < images.Length; i++) images[i].CopyTo(flat, i * input.Size);
        using var scope = NewDisposeScope();
        var batch = tensor(flat, [images.Length, input.Channels, input.Height, input.Width], ScalarType.Byte);
        var decoded = DecodeViews(batch, RunNetwork(Normalization.Apply(batch)), testTimeAugmentation);
        return decoded.Select(CreatePrediction).ToArray();
    }

    /// <summary>The network's raw outputs for normalized images, in evaluation mode and without gradients.</summary>
    internal Tensor[] RunNetwork(Tensor normalizedImages)
    {
        Network.eval();
        using var _ = no_grad();
        return Network.call(normalizedImages);
    }

    /// <summary>Raw head outputs as per-image values in user terms; see <see cref="OutputDecoding.Decode"/>.</summary>
    internal PredictionOutputs[] DecodeOutputs(Tensor[] outputs) => OutputDecoding.Decode(Spec, TargetStatistics, outputs, Calibration.IsEmpty ? null : Calibration);
}
