namespace ImageDsl.Training;

public sealed partial record TrainingOptions
{
    /// <summary>
    /// How each epoch picks its images: <see cref="Training.Sampling.Shuffle"/> (the default, every
    /// image once in a seeded order) or <see cref="Training.Sampling.ClassBalanced"/> (as many draws,
    /// with replacement, every class of <see cref="BalanceTarget"/> equally likely).
    /// </summary>
    public Sampling Sampling { get; init; } = Sampling.Shuffle;

    /// <summary>
    /// With <see cref="Training.Sampling.ClassBalanced"/>: the multi-class or yes/no target whose classes
    /// are balanced, by name; null takes the spec's first such target.
    /// </summary>
    public string? BalanceTarget { get; init; }

    private void ValidateSampling()
    {
        if (!Enum.IsDefined(Sampling)) throw new ArgumentOutOfRangeException(nameof(Sampling), Sampling, "Sampling must be Shuffle or ClassBalanced.");
        if (BalanceTarget is not null && Sampling != Sampling.ClassBalanced)
            throw new ArgumentException($"BalanceTarget '{BalanceTarget}' is set but Sampling is {Sampling}; set Sampling = Sampling.ClassBalanced too.", nameof(BalanceTarget));
    }
}

/// <summary>How an epoch draws its training images.</summary>
public enum Sampling
{
    /// <summary>Every image once per epoch, in a seeded random order.</summary>
    Shuffle = 0,

    /// <summary>
    /// As many images per epoch as the training set has, drawn with replacement with weights
    /// 1 / (the size of the image's class), so each class present is drawn equally often on
    /// average; rare classes' images repeat and common ones are left out. An alternative to class
    /// weights in the loss: balance the batches instead of reweighting them.
    /// </summary>
    ClassBalanced = 1,
}
