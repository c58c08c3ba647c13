namespace ImageDsl.Training;

/// <summary>How to train. The defaults (Adam, cosine schedule, 10 epochs of 64) suit small images and a few thousand samples.</summary>
public sealed partial record TrainingOptions
{
    /// <summary>Passes over the training set.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Images per optimizer step.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>The optimizer.</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;

    /// <summary>Peak learning rate.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Momentum of <see cref="OptimizerKind.Sgd"/> (Nesterov is not used).</summary>
    public double Momentum { get; init; } = 0.9;

    /// <summary>Weight decay: L2 for Adam and SGD, decoupled for AdamW. 0 turns it off.</summary>
    public double WeightDecay { get; init; }

    /// <summary>How the learning rate changes over training.</summary>
    public LearningRateSchedule Schedule { get; init; } = LearningRateSchedule.Cosine;

    /// <summary>For <see cref="LearningRateSchedule.Step"/>: multiply the rate by <see cref="StepFactor"/> every this many epochs.</summary>
    public int StepEpochs { get; init; } = 5;

    /// <summary>For <see cref="LearningRateSchedule.Step"/>: the factor applied every <see cref="StepEpochs"/>.</summary>
    public double StepFactor { get; init; } = 0.1;

    /// <summary>Clip the gradients' global L2 norm to this value before each step; null turns clipping off.</summary>
    public double? GradientClipNorm { get; init; }

    /// <summary>Seed for shuffling, augmentation and dropout.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// Random changes to each training image (shift, rotation, scale, flip, brightness, contrast,
    /// noise). Null (the default) trains with the augmentation the spec declares with
    /// <c>[Augment]</c> (its generated static <c>Augmentation</c> property), or none if it declares
    /// none; any value set here replaces the spec's, so <see cref="Training.Augmentation.None"/> turns it off.
    /// Either way, an augmentation that would corrupt a target is refused before training starts.
    /// </summary>
    public Augmentation? Augmentation { get; init; }

    /// <summary>
    /// When no validation set is passed to Train, hold out this fraction of the training set
    /// (stratified by the first label target, seeded) to validate on; null or 0 uses none.
    /// </summary>
    public double? ValidationFraction { get; init; }

    /// <summary>Stop when the monitored validation metric has not improved for this many epochs; null never stops early.</summary>
    public int? EarlyStoppingPatience { get; init; }

    /// <summary>
    /// The validation figure early stopping and best-weights tracking watch: <c>"loss"</c> (the
    /// default) or <c>"Target.Metric"</c>, e.g. <c>"Digit.Accuracy"</c> or <c>"Angle.Rmse"</c>. Losses and
    /// errors are minimised, everything else maximised.
    /// </summary>
    public string Monitor { get; init; } = "loss";

    /// <summary>With a validation set, end training with the weights of the best epoch (by <see cref="Monitor"/>).</summary>
    public bool RestoreBestWeights { get; init; } = true;

    /// <summary>
    /// At most this many training images (augmented as in training, in whole batches) are run
    /// through the network with its final weights to recompute batch norm's running statistics,
    /// at the end of training and, with a validation set, before each validation. The running
    /// averages training keeps mix in statistics of earlier weights, and after a short run they can
    /// leave evaluation scoring far worse than the training loss says (see docs/backbones.md).
    /// The pass costs a forward pass over these images: measured 0.1–0.15 s for SmallCnn at 28x28
    /// and 1.5 s for ResNet-18 at 64x64 on two cores. 0 keeps the running averages.
    /// </summary>
    public int BatchNormStatisticsImages { get; init; } = 1024;

    /// <summary>
    /// A file to write a checkpoint to after every epoch (atomically: weights, optimizer state,
    /// schedule position, RNG state, history). Pass it to Resume to continue an interrupted run.
    /// </summary>
    public string? CheckpointPath { get; init; }

    /// <summary>
    /// Where to train: <c>torch.CPU</c>, <c>torch.CUDA</c> or <c>new Device("cuda:1")</c>. The
    /// model moves there before the run and stays there afterwards (see <see cref="Modeling.ImageModel{TLabels, TPrediction}.Device"/>).
    /// Null (the default) trains where the model is: a new or loaded model starts on CUDA when
    /// available, else on the CPU. A CUDA device needs a CUDA libtorch package (README, "GPU");
    /// asking for one without it fails before the run starts, saying so.
    /// </summary>
    public TorchSharp.torch.Device? Device { get; init; }

    /// <summary>Rejects options that cannot work, naming the option.</summary>
    public void Validate()
    {
        if (Epochs < 1) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "Epochs must be at least 1.");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "BatchSize must be at least 1.");
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate)) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "LearningRate must be a positive number.");
        if (!(WeightDecay >= 0)) throw new ArgumentOutOfRangeException(nameof(WeightDecay), WeightDecay, "WeightDecay cannot be negative.");
        if (!(Momentum >= 0 && Momentum < 1)) throw new ArgumentOutOfRangeException(nameof(Momentum), Momentum, "Momentum must be in [0, 1).");
        if (StepEpochs < 1) throw new ArgumentOutOfRangeException(nameof(StepEpochs), StepEpochs, "StepEpochs must be at least 1.");
        if (!(StepFactor > 0 && StepFactor <= 1)) throw new ArgumentOutOfRangeException(nameof(StepFactor), StepFactor, "StepFactor must be in (0, 1].");
        if (GradientClipNorm is { } clip && !(clip > 0)) throw new ArgumentOutOfRangeException(nameof(GradientClipNorm), clip, "GradientClipNorm must be positive.");
        Augmentation?.Validate();
        if (ValidationFraction is { } f && !(f >= 0 && f < 1)) throw new ArgumentOutOfRangeException(nameof(ValidationFraction), f, "ValidationFraction must be in [0, 1).");
        if (BatchNormStatisticsImages < 0) throw new ArgumentOutOfRangeException(nameof(BatchNormStatisticsImages), BatchNormStatisticsImages, "BatchNormStatisticsImages cannot be negative (0 keeps the running averages).");
        if (EarlyStoppingPatience is < 1) throw new ArgumentOutOfRangeException(nameof(EarlyStoppingPatience), EarlyStoppingPatience, "EarlyStoppingPatience must be at least 1.");
        if (Device is not null) Modeling.ModelDevice.Check(Device, "TrainingOptions.Device");
        if (string.IsNullOrWhiteSpace(Monitor)) throw new ArgumentException("Monitor must name \"loss\" or \"Target.Metric\".", nameof(Monitor));
        ValidateFineTuning();
        ValidateSampling();
    }
}

/// <summary>The optimizers training can use.</summary>
public enum OptimizerKind
{
    /// <summary>Adam (Kingma and Ba), the default.</summary>
    Adam = 0,

    /// <summary>Adam with decoupled weight decay (Loshchilov and Hutter).</summary>
    AdamW = 1,

    /// <summary>Stochastic gradient descent with <see cref="TrainingOptions.Momentum"/>.</summary>
    Sgd = 2,
}

/// <summary>How the learning rate changes during training.</summary>
public enum LearningRateSchedule
{
    /// <summary>Linear warm-up over the first 10 % of steps (at most 300), then cosine decay to 1 % of the peak.</summary>
    Cosine = 0,

    /// <summary>The same rate throughout.</summary>
    Constant = 1,

    /// <summary>One-cycle (Smith): up from 4 % to the peak over the first 30 % of steps, then cosine down to 0.0004 %.</summary>
    OneCycle = 2,

    /// <summary>Multiply by <see cref="TrainingOptions.StepFactor"/> every <see cref="TrainingOptions.StepEpochs"/> epochs.</summary>
    Step = 3,
}
