using ImageDsl.Images;
using ImageDsl.Serving;
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

    /// <summary>The bounds <see cref="Predict(Stream)"/>, <see cref="Predict(ReadOnlySpan{byte})"/> and <c>PredictMany</c> decode under: file size and declared pixels, checked before decoding.</summary>
    public DecodingLimits DecodingLimits { get; set; } = DecodingLimits.Default;

    /// <summary>Predicts an encoded image (PNG, JPEG, BMP, GIF or WebP) read from <paramref name="image"/> to its end.</summary>
    /// <exception cref="InvalidDataException">Not an image, damaged, over <see cref="DecodingLimits"/>' byte limit, or declaring more pixels than its pixel limit (checked before decoding); <see cref="ImageRejections.ReasonOf"/> says which.</exception>
    /// <exception cref="InvalidOperationException">The model was neither trained nor loaded (see <see cref="AllowUntrained"/>).</exception>
    public TPrediction Predict(Stream image)
    {
        using var lease = usage.Enter("predict");
        RequireTrained("predict");
        return PredictBytes([ImageLoader.Decode(image, Spec.Input, DecodingLimits)])[0];
    }

    /// <summary>Predicts an encoded image (PNG, JPEG, BMP, GIF or WebP) held in memory.</summary>
    /// <exception cref="InvalidDataException">Not an image, damaged, or over <see cref="DecodingLimits"/>; <see cref="ImageRejections.ReasonOf"/> says which.</exception>
    /// <exception cref="InvalidOperationException">The model was neither trained nor loaded (see <see cref="AllowUntrained"/>).</exception>
    public TPrediction Predict(ReadOnlySpan<byte> image)
    {
        using var lease = usage.Enter("predict");
        RequireTrained("predict");
        return PredictBytes([ImageLoader.Decode(image, Spec.Input, DecodingLimits)])[0];
    }

    /// <inheritdoc />
    public IReadOnlyList<TPrediction> PredictDecoded(IReadOnlyList<byte[]> images)
    {
        DecodedImages.Check(Spec.Input, images);
        using var lease = usage.Enter("predict");
        RequireTrained("predict");
        if (images.Count == 0) return [];
        return PredictBytes(images as byte[][] ?? images.ToArray());
    }

    /// <inheritdoc />
    Type IImagePredictor.PredictionType => typeof(TPrediction);

    /// <inheritdoc />
    IReadOnlyList<object> IImagePredictor.PredictDecodedObjects(IReadOnlyList<byte[]> images) => PredictDecoded(images).Select(p => (object)p!).ToArray();

    /// <summary>
    /// Predicts many image files, yielding each result (with its path) as its batch finishes, in
    /// input order: the next batch is decoded in parallel while the network runs on the current
    /// one. A file that is missing or not an image becomes a failed result; the run goes on.
    /// </summary>
    /// <param name="imagePaths">The files; see also <see cref="ImageSource.Folder"/> and <see cref="ImageSource.Manifest"/>.</param>
    /// <param name="options">Batch size and decoding parallelism.</param>
    /// <param name="progress">Told after each batch how many images are done and how many failed.</param>
    /// <param name="cancellation">Stops the run between batches.</param>
    public IAsyncEnumerable<PredictionResult<TPrediction>> PredictMany(IEnumerable<string> imagePaths, BatchPredictionOptions? options = null,
        IProgress<BatchPredictionProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(imagePaths);
        return PredictMany(imagePaths.Select(ImageSource.FromFile), options, progress, cancellation);
    }

    /// <summary>Predicts many images from files or streams; see <see cref="PredictMany(IEnumerable{string}, BatchPredictionOptions?, IProgress{BatchPredictionProgress}?, CancellationToken)"/>.</summary>
    public IAsyncEnumerable<PredictionResult<TPrediction>> PredictMany(IEnumerable<ImageSource> images, BatchPredictionOptions? options = null,
        IProgress<BatchPredictionProgress>? progress = null, CancellationToken cancellation = default) =>
        BatchPrediction.Run(this, images, options, progress, cancellation);

    private IReadOnlyList<TPrediction> PredictBytes(byte[][] images, TestTimeAugmentation? testTimeAugmentation = null)
    {
        var input = Spec.Input;
        var flat = new byte[images.Length * input.Size];
        for (int i = 0; i < images.Length; i++) images[i].CopyTo(flat, i * input.Size);
        using var scope = NewDisposeScope();
        // Copied to the model's device as bytes, a quarter of the floats they become there.
        var batch = tensor(flat, [images.Length, input.Channels, input.Height, input.Width], ScalarType.Byte, device: Device);
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
