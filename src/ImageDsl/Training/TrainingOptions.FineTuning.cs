namespace ImageDsl.Training;

public sealed partial record TrainingOptions
{
    /// <summary>
    /// Keep the backbone's weights fixed and train only the heads; its batch-norm layers also
    /// stay in evaluation mode, so their running statistics (typically ImageNet's) are kept.
    /// Use it with pretrained weights; see <see cref="UnfreezeBackboneAfterEpochs"/>.
    /// </summary>
    public bool FreezeBackbone { get; init; }

    /// <summary>
    /// With <see cref="FreezeBackbone"/>, the number of epochs after which the backbone becomes
    /// trainable (3: epochs 1–3 train the heads, epoch 4 on trains everything); null keeps it frozen throughout.
    /// </summary>
    public int? UnfreezeBackboneAfterEpochs { get; init; }

    /// <summary>
    /// The backbone's learning rate as a multiple of <see cref="LearningRate"/> (the schedule
    /// applies to both). 0.1 is a common choice when fine-tuning pretrained weights, so the
    /// heads learn fast while the features move slowly. 1 (the default) trains all alike.
    /// </summary>
    public double BackboneLearningRateFactor { get; init; } = 1.0;

    private void ValidateFineTuning()
    {
        if (!(BackboneLearningRateFactor > 0) || double.IsInfinity(BackboneLearningRateFactor))
            throw new ArgumentOutOfRangeException(nameof(BackboneLearningRateFactor), BackboneLearningRateFactor, "BackboneLearningRateFactor must be a positive number (freeze the backbone with FreezeBackbone instead of 0).");
        if (UnfreezeBackboneAfterEpochs is { } after)
        {
            if (!FreezeBackbone)
                throw new ArgumentException($"{nameof(UnfreezeBackboneAfterEpochs)} is set but {nameof(FreezeBackbone)} is not: set FreezeBackbone = true too, or remove it.", nameof(UnfreezeBackboneAfterEpochs));
            if (after < 0) throw new ArgumentOutOfRangeException(nameof(UnfreezeBackboneAfterEpochs), after, "UnfreezeBackboneAfterEpochs cannot be negative.");
        }
    }

    /// <summary>True when the backbone is frozen during <paramref name="epoch"/> (1-based).</summary>
    internal bool BackboneFrozenIn(int epoch) => FreezeBackbone && (UnfreezeBackboneAfterEpochs is not { } after || epoch <= after);
}
