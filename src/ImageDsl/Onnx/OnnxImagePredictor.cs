using ImageDsl.Images;
using ImageDsl.Modeling;
using ImageDsl.Serving;
using ImageDsl.Specs;
using Microsoft.ML.OnnxRuntime;

namespace ImageDsl.Onnx;

/// <summary>
/// Runs a model exported with <c>ExportOnnx</c> in ONNX Runtime and returns the same typed
/// predictions as the TorchSharp model, without loading libtorch. The generated
/// <c>OnnxPredictor</c> of each spec derives from this. Thread-safe: ONNX Runtime sessions may
/// run concurrently.
/// </summary>
/// <typeparam name="TPrediction">The generated typed prediction record.</typeparam>
public abstract class OnnxImagePredictor<TPrediction> : IDisposable, IImagePredictor<TPrediction>
{
    private const int Batch = 64;

    private readonly InferenceSession session;
    private readonly IReadOnlyList<string> outputs;

    /// <summary>Opens <paramref name="path"/>; refuses a file exported for a different spec, saying what differs.</summary>
    /// <param name="spec">The spec the predictions are for.</param>
    /// <param name="path">An .onnx file written by <c>ExportOnnx</c>.</param>
    protected OnnxImagePredictor(ModelSpec spec, string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"ONNX model not found: {Path.GetFullPath(path)}", path);
        Spec = spec;
        outputs = OnnxTargets.OutputNames(spec);
        OnnxMetadata.Verify(path);
        session = new InferenceSession(path);
        try
        {
            Check(path);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>The spec the predictions are for.</summary>
    public ModelSpec Spec { get; }

    /// <summary>Predicts the targets of one image file.</summary>
    /// <param name="imagePath">A PNG, JPEG, BMP, GIF or WebP file.</param>
    public TPrediction Predict(string imagePath) => Predict([imagePath])[0];

    /// <summary>Predicts the targets of an image already in memory.</summary>
    /// <param name="image">The image; converted to the spec's size and channels as in training.</param>
    public TPrediction Predict(SixLabors.ImageSharp.Image image) => Run([ImageLoader.Decode(image, Spec.Input)])[0];

    /// <summary>Predicts many image files, decoding in parallel and running the model in batches.</summary>
    /// <param name="imagePaths">The image files.</param>
    public IReadOnlyList<TPrediction> Predict(IEnumerable<string> imagePaths)
    {
        var paths = imagePaths.ToArray();
        var results = new List<TPrediction>(paths.Length);
        for (int start = 0; start < paths.Length; start += Batch)
        {
            var chunk = paths.AsSpan(start, Math.Min(Batch, paths.Length - start)).ToArray();
            var images = new byte[chunk.Length][];
            Parallel.For(0, chunk.Length, i =>
            {
                images[i] = new byte[Spec.Input.Size];
                ImageLoader.Decode(chunk[i], Spec.Input, images[i]);
            });
            results.AddRange(Run(images));
        }
        return results;
    }

    /// <summary>The bounds <see cref="Predict(Stream)"/>, <see cref="Predict(ReadOnlySpan{byte})"/> and <c>PredictMany</c> decode under: file size and declared pixels, checked before decoding.</summary>
    public DecodingLimits DecodingLimits { get; set; } = DecodingLimits.Default;

    /// <summary>Predicts an encoded image (PNG, JPEG, BMP, GIF or WebP) read from <paramref name="image"/> to its end.</summary>
    /// <exception cref="InvalidDataException">Not an image, damaged, or over <see cref="DecodingLimits"/> (the pixel limit is checked before decoding); <see cref="ImageRejections.ReasonOf"/> says which.</exception>
    public TPrediction Predict(Stream image) => Run([ImageLoader.Decode(image, Spec.Input, DecodingLimits)])[0];

    /// <summary>Predicts an encoded image (PNG, JPEG, BMP, GIF or WebP) held in memory.</summary>
    /// <exception cref="InvalidDataException">Not an image, damaged, or over <see cref="DecodingLimits"/>; <see cref="ImageRejections.ReasonOf"/> says which.</exception>
    public TPrediction Predict(ReadOnlySpan<byte> image) => Run([ImageLoader.Decode(image, Spec.Input, DecodingLimits)])[0];

    /// <inheritdoc />
    public IReadOnlyList<TPrediction> PredictDecoded(IReadOnlyList<byte[]> images)
    {
        DecodedImages.Check(Spec.Input, images);
        return images.Count == 0 ? [] : Run(images as byte[][] ?? images.ToArray());
    }

    /// <inheritdoc />
    Type IImagePredictor.PredictionType => typeof(TPrediction);

    /// <inheritdoc />
    IReadOnlyList<object> IImagePredictor.PredictDecodedObjects(IReadOnlyList<byte[]> images) => PredictDecoded(images).Select(p => (object)p!).ToArray();

    /// <summary>
    /// Predicts many image files, yielding each result (with its path) as its batch finishes, in
    /// input order, decoding the next batch in parallel while the model runs. A file that is
    /// missing or not an image becomes a failed result; the run goes on.
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

    /// <summary>Turns one image's outputs into the typed prediction (generated, shared with the TorchSharp model).</summary>
    /// <param name="outputs">Per target: label probabilities, or the value in user units.</param>
    protected abstract TPrediction CreatePrediction(PredictionOutputs outputs);

    /// <summary>
    /// Runs the graph on decoded images (bytes [C, H, W] each) and splits each output per image:
    /// <see cref="OnnxTargets.ValuesPerImage"/> floats per image and target, as PredictionOutputs holds them.
    /// </summary>
    internal IReadOnlyList<TPrediction> Run(byte[][] images)
    {
        var size = Spec.Input.Size;
        var pixels = new float[images.Length * size];
        for (int i = 0; i < images.Length; i++)
            for (int j = 0; j < size; j++) pixels[i * size + j] = images[i][j];

        var input = Spec.Input;
        using var tensor = OrtValue.CreateTensorValueFromMemory(pixels, [images.Length, input.Channels, input.Height, input.Width]);
        using var options = new RunOptions();
        using var results = session.Run(options, [OnnxExporter.InputName], [tensor], outputs);

        var perTarget = results.Select(r => r.GetTensorDataAsSpan<float>().ToArray()).ToArray();
        var predictions = new TPrediction[images.Length];
        for (int i = 0; i < images.Length; i++)
        {
            var values = new float[Spec.Targets.Count][];
            for (int t = 0; t < values.Length; t++)
            {
                int width = OnnxTargets.ValuesPerImage(Spec.Targets[t]);
                values[t] = perTarget[t].AsSpan(i * width, width).ToArray();
            }
            predictions[i] = CreatePrediction(new PredictionOutputs(Spec, values));
        }
        return predictions;
    }

    private void Check(string path)
    {
        var saved = OnnxMetadata.ReadSpec(session.ModelMetadata.CustomMetadataMap)
            ?? throw new ModelFileException($"{path} has no ImageDsl spec in its metadata ({OnnxMetadata.SpecKey}); export it with ExportOnnx.");
        var differences = ModelFile.Differences(saved, Spec);
        if (differences.Count > 0)
            throw new ModelFileException($"ONNX model {path} was exported for spec {saved.Name}, which differs from {Spec.Name}:\n  " + string.Join("\n  ", differences));
        var missing = outputs.Where(o => !session.OutputMetadata.ContainsKey(o)).Select(o => "output " + o).ToList();
        if (!session.InputMetadata.ContainsKey(OnnxExporter.InputName)) missing.Insert(0, "input " + OnnxExporter.InputName);
        if (missing.Count > 0)
            throw new ModelFileException($"ONNX model {path} lacks {string.Join(", ", missing)}, which {Spec.Name} needs.");
        for (int t = 0; t < outputs.Count; t++)
        {
            var dims = session.OutputMetadata[outputs[t]].Dimensions;
            long perImage = dims.Skip(1).Aggregate(1L, (a, b) => a * b);
            if (perImage != OnnxTargets.ValuesPerImage(Spec.Targets[t]))
                throw new ModelFileException($"ONNX model {path}: output {outputs[t]} is [{string.Join(", ", dims)}]; target {Spec.Targets[t].Name} needs {OnnxTargets.ValuesPerImage(Spec.Targets[t])} value(s) per image.");
        }
    }

    /// <summary>Releases the ONNX Runtime session.</summary>
    public void Dispose()
    {
        session.Dispose();
        GC.SuppressFinalize(this);
    }
}
