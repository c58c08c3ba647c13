namespace ImageDsl.Training;

/// <summary>How to train. The defaults suit small images and a few thousand samples.</summary>
public sealed partial record TrainingOptions
{
    /// <summary>Passes over the training set.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Images per optimizer step.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Peak learning rate of Adam.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>L2 weight decay (decoupled, as AdamW) — 0 turns it off.</summary>
    public double WeightDecay { get; init; }

    /// <summary>
    /// Learning-rate schedule: <see cref="LearningRateSchedule.Cosine"/> (the default) warms up
    /// for a few hundred steps then decays to near zero by the last epoch.
    /// </summary>
    public LearningRateSchedule Schedule { get; init; } = LearningRateSchedule.Cosine;

    /// <summary>Seed for shuffling (and for initialisation when a model is created with it).</summary>
    public int Seed { get; init; }

    /// <summary>
    /// Randomly shift each training image by up to this many pixels (0 turns it off). Only
    /// used when every target is unchanged by a shift (labels, and ranges not tied to position).
    /// </summary>
    public int RandomShift { get; init; }

    /// <summary>Rejects options that cannot work, naming the option.</summary>
    public void Validate()
    {
        if (Epochs < 1) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "Epochs must be at least 1.");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "BatchSize must be at least 1.");
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate)) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "LearningRate must be a positive number.");
        if (WeightDecay < 0) throw new ArgumentOutOfRangeException(nameof(WeightDecay), WeightDecay, "WeightDecay cannot be negative.");
        if (RandomShift < 0) throw new ArgumentOutOfRangeException(nameof(RandomShift), RandomShift, "RandomShift cannot be negative.");
        ValidateFineTuning();
    }
}

/// <summary>How the learning rate changes during training.</summary>
public enum LearningRateSchedule
{
    /// <summary>Short linear warm-up, then cosine decay to 1 % of the peak.</summary>
    Cosine = 0,

    /// <summary>The same rate throughout.</summary>
    Constant = 1,
}
