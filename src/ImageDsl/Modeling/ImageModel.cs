using ImageDsl.Data;
using ImageDsl.Native;
using ImageDsl.Specs;
using ImageDsl.Training;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using static TorchSharp.torch;

namespace ImageDsl.Modeling;

/// <summary>
/// The runtime half of every generated model: training, evaluation, prediction and
/// persistence, shared by all specs. A generated <c>Model</c> class derives from this and
/// supplies the spec-specific parts: how targets are encoded, how the loss is wired, and
/// how outputs become a typed prediction.
/// </summary>
/// <typeparam name="TLabels">The spec class, whose instances hold one image's targets.</typeparam>
/// <typeparam name="TPrediction">The generated typed prediction record.</typeparam>
public abstract partial class ImageModel<TLabels, TPrediction> : IDisposable, Serving.IImagePredictor<TPrediction>
{
    /// <summary>Wraps a freshly built network for <paramref name="spec"/>, which declares no augmentation.</summary>
    protected ImageModel(ModelSpec spec, nn.Module<Tensor, Tensor[]> network)
        : this(spec, network, Augmentation.None)
    {
    }

    /// <summary>Wraps a freshly built network for <paramref name="spec"/>, which declares <paramref name="declaredAugmentation"/>.</summary>
    /// <param name="spec">The model's spec.</param>
    /// <param name="network">The untrained network.</param>
    /// <param name="declaredAugmentation">What the spec class declares with <c>[Augment]</c>: see <see cref="DeclaredAugmentation"/>.</param>
    protected ImageModel(ModelSpec spec, nn.Module<Tensor, Tensor[]> network, Augmentation declaredAugmentation)
    {
        ArgumentNullException.ThrowIfNull(declaredAugmentation);
        Spec = spec;
        Network = network;
        usage = new UsageGuard($"{spec.Name} model");
        DeclaredAugmentation = declaredAugmentation;
        Normalization = Normalization.Default(spec.Input.Channels);
        TargetStatistics = TargetStatistics.Identity(spec.EncodedWidth);
        network.eval();
        PlaceOnDefaultDevice();
    }

    /// <summary>The spec this model was generated from.</summary>
    public ModelSpec Spec { get; }

    /// <summary>
    /// The augmentation the spec class declares with <c>[Augment]</c> (<see cref="Augmentation.None"/>
    /// if it declares none). Training uses it when <see cref="TrainingOptions.Augmentation"/> is null;
    /// an augmentation set in the options replaces it.
    /// </summary>
    public Augmentation DeclaredAugmentation { get; }

    /// <summary>The TorchSharp network: the backbone and one head per target.</summary>
    public nn.Module<Tensor, Tensor[]> Network { get; }

    /// <summary>Pixel normalization, measured on the training set by the first <see cref="Train"/> unless fixed by <see cref="UseNormalization"/>.</summary>
    public Normalization Normalization { get; private set; }

    /// <summary>
    /// Mean and standard deviation of the standardized targets' columns (unbounded values and
    /// vectors), measured on the training set by the first <see cref="Train"/> and saved with the
    /// model; 0 and 1 elsewhere. Losses use them to standardize targets, predictions to undo it.
    /// </summary>
    public TargetStatistics TargetStatistics { get; private set; }

    /// <summary>True once the model has been trained or loaded from a file.</summary>
    public bool IsTrained { get; private set; }

    /// <summary>The weighted sum of every target's loss, each as its kind defines it (see <see cref="TargetLoss"/>).</summary>
    /// <param name="outputs">One tensor per target, in spec order.</param>
    /// <param name="targets">Encoded targets <c>[N, E]</c>.</param>
    protected virtual Tensor ComputeLoss(Tensor[] outputs, Tensor targets) =>
        TargetLoss.Total(losses ??= Enumerable.Range(0, Spec.Targets.Count).Select(t => TargetLoss.For(Spec, t)).ToArray(), outputs, targets, TargetStatistics);

    private TargetLoss[]? losses;

    /// <summary>Turns one image's decoded outputs into the typed prediction.</summary>
    protected abstract TPrediction CreatePrediction(PredictionOutputs outputs);

    /// <summary>Writes <paramref name="labels"/>' encoded target values into <paramref name="encoded"/>.</summary>
    protected abstract void Encode(TLabels labels, Span<float> encoded);

    /// <summary>Seeds TorchSharp's generator so a model built right after has reproducible initial weights.</summary>
    protected static void SeedInitialization(int seed)
    {
        LibTorch.EnsureLoaded();
        manual_seed(seed);
    }

    /// <summary>Where training reports its epochs; nothing by default.</summary>
    public ILogger Logger { get; set; } = NullLogger.Instance;

    /// <summary>
    /// Trains the model on <paramref name="training"/>. The first call measures pixel
    /// normalization on the training images. Progress goes to <paramref name="progress"/> a few
    /// times a second; <paramref name="validation"/> (or, without one, the share of the training set
    /// that <see cref="TrainingOptions.ValidationFraction"/> names) is scored after every epoch for
    /// early stopping and best-weights tracking.
    /// </summary>
    public TrainingHistory Train(ImageDataset training, TrainingOptions? options = null, IProgress<TrainingProgress>? progress = null,
        ImageDataset? validation = null, CancellationToken cancellation = default) =>
        Fit(training, options ?? new TrainingOptions(), progress, validation, cancellation, resumeFrom: null);

    /// <summary>
    /// Continues a run from the checkpoint its <see cref="TrainingOptions.CheckpointPath"/> wrote:
    /// weights, optimizer state, schedule position and random state are restored, so the run ends
    /// as it would have without the interruption. Pass the same data and options as the first run.
    /// </summary>
    public TrainingHistory Resume(string checkpointPath, ImageDataset training, TrainingOptions options, IProgress<TrainingProgress>? progress = null,
        ImageDataset? validation = null, CancellationToken cancellation = default) =>
        Fit(training, options, progress, validation, cancellation, checkpointPath);

    /// <summary>
    /// Trains on from where a finished (or stopped) run got to, with a new schedule: starts from the
    /// weights in <paramref name="path"/> — a model file written by <see cref="Save"/> or a checkpoint
    /// written by <see cref="TrainingOptions.CheckpointPath"/> — with its pixel normalization, and
    /// trains <see cref="TrainingOptions.Epochs"/> more epochs as a new run: the learning-rate
    /// schedule, warm-up and optimizer state start afresh, and any options (batch size, learning
    /// rate, augmentation) may differ from the first run's. The continuation writes checkpoints of
    /// its own if the options name a <see cref="TrainingOptions.CheckpointPath"/>, and an
    /// interrupted continuation is resumed with <see cref="Resume"/> and the same options, exactly
    /// like any run. See docs/model-files.md.
    /// </summary>
    /// <exception cref="ModelFileException">The file is damaged or was written for another spec.</exception>
    public TrainingHistory Continue(string path, ImageDataset training, TrainingOptions options, IProgress<TrainingProgress>? progress = null,
        ImageDataset? validation = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Checkpoint.IsCheckpoint(path)) return Fit(training, options, progress, validation, cancellation, resumeFrom: null, continueFrom: path);
        LoadWeights(path);
        return Fit(training, options, progress, validation, cancellation, resumeFrom: null);
    }

    private TrainingHistory Fit(ImageDataset training, TrainingOptions options, IProgress<TrainingProgress>? progress, ImageDataset? validation,
        CancellationToken cancellation, string? resumeFrom, string? continueFrom = null)
    {
        // Before anything else, so an unusable device fails before any data is read.
        if (options.Device is { } runDevice) Device = ModelDevice.Check(runDevice, "TrainingOptions.Device");
        using var lease = usage.Enter("train");
        // Options that leave the augmentation unset train with the spec's; the trainer then checks
        // whichever it is against the spec's targets.
        if (options.Augmentation is null) options = options with { Augmentation = DeclaredAugmentation };
        options.Validate();
        CheckDataset(training, nameof(training));
        if (validation is not null) CheckDataset(validation, nameof(validation));
        else if (options.ValidationFraction is > 0) (training, validation) = training.StratifiedSplit(options.ValidationFraction.Value, options.Seed);

        if ((resumeFrom ?? continueFrom) is { } checkpoint) Normalization = Checkpoint.ReadState(checkpoint).Normalization;
        MeasureTrainingSet(training, options, measureNormalization: (resumeFrom ?? continueFrom) is null);
        var trainer = new Trainer(Spec, Network, ComputeLoss, Score, Normalization, options, Logger);
        var history = trainer.Fit(training, validation, progress, cancellation, resumeFrom, continueFrom);
        IsTrained = true;
        return history;
    }

    /// <summary>
    /// What the first training measures on the training set: pixel normalization (unless fixed or
    /// <paramref name="measureNormalization"/> is false) and the target statistics. A later run keeps the first's.
    /// </summary>
    private void MeasureTrainingSet(ImageDataset training, TrainingOptions options, bool measureNormalization)
    {
        if (IsTrained) return;
        if (measureNormalization && !normalizationFixed)
        {
            using var sample = training.Batches.SampleImages(5000, options.Seed);
            Normalization = Normalization.Measure(sample);
        }
        // A deterministic function of the training set, so a resumed run (given the same data) measures the same.
        using var targets = training.Batches.AllTargets();
        TargetStatistics = TargetStatistics.Measure(Spec, targets);
    }

    /// <summary>Builds a dataset from typed labels, encoding them through the generated code.</summary>
    public ImageDataset CreateDataset(IEnumerable<(string ImagePath, TLabels Labels)> samples)
    {
        var list = new List<ImageSample>();
        foreach (var (path, labels) in samples)
        {
            var encoded = new float[Spec.EncodedWidth];
            Encode(labels, encoded);
            list.Add(new ImageSample(path, encoded));
        }
        return new ImageDataset(Spec, list);
    }

    private void CheckDataset(ImageDataset data, string parameter)
    {
        if (!ReferenceEquals(data.Spec, Spec) && data.Spec != Spec && data.Spec.Name != Spec.Name)
            throw new ArgumentException($"Dataset {data.Source} was built for spec {data.Spec.Name}, not {Spec.Name}.", parameter);
        if (data.Count == 0) throw new ArgumentException($"Dataset {data.Source} is empty.", parameter);
    }

    private readonly UsageGuard usage;

    /// <summary>True once <see cref="Dispose"/> has been called; every call that uses the network then throws <see cref="ObjectDisposedException"/>.</summary>
    public bool IsDisposed => usage.IsClosed;

    /// <summary>
    /// Releases the network's native memory, after the calls in flight on other threads have
    /// finished; calls made later throw <see cref="ObjectDisposedException"/> naming the model.
    /// Disposing twice does nothing.
    /// </summary>
    public void Dispose()
    {
        if (!usage.Close()) return;
        Network.Dispose();
        GC.SuppressFinalize(this);
    }
}
