using ImageDsl.Data;
using ImageDsl.Networks;
using ImageDsl.Pretrained;

namespace ImageDsl.Modeling;

public abstract partial class ImageModel<TLabels, TPrediction>
{
    private bool normalizationFixed;

    /// <summary>
    /// Loads pretrained weights (torchvision's, from a <c>.pt</c>/<c>.pth</c> state_dict or a
    /// <c>.safetensors</c> file) into the backbone and fixes the pixel normalization to
    /// ImageNet's, which such weights expect; the heads keep their fresh initialization and the
    /// file's classifier layers the backbone lacks (<see cref="BackboneModule.ClassifierPrefixes"/>:
    /// <c>fc.*</c> for ResNet) are ignored. Float16 and bfloat16 weights are widened exactly.
    /// Call it before the first <see cref="Train"/>.
    /// </summary>
    /// <returns>What was loaded, ignored and adapted (e.g. the first convolution summed for grayscale).</returns>
    /// <exception cref="PretrainedWeightsException">The file does not fit the backbone; the message names every tensor at fault.</exception>
    public WeightLoadReport LoadPretrainedBackbone(string path) =>
        LoadPretrainedBackbone(path, ImageNet.Normalization(Spec.Input.Channels));

    /// <summary>
    /// As <see cref="LoadPretrainedBackbone(string)"/>, with the normalization the weights were
    /// trained with; null measures it on the training set as an untrained model does.
    /// </summary>
    public WeightLoadReport LoadPretrainedBackbone(string path, Normalization? normalization)
    {
        using var lease = usage.Enter("load pretrained weights");
        if (IsTrained)
            throw new InvalidOperationException("This model is already trained: pretrained backbone weights would overwrite what it learned. Load them into a newly created model.");
        var backbone = BackboneModule.Find(Network)
            ?? throw new InvalidOperationException($"The network of {Spec.Name} has no {nameof(BackboneModule)} to load weights into.");
        var report = WeightLoader.LoadBackbone(backbone, path);
        if (normalization is not null) UseNormalization(normalization);
        return report;
    }

    /// <summary>
    /// Uses <paramref name="normalization"/> for training and prediction instead of measuring it
    /// on the training set; it is saved with the model like a measured one.
    /// </summary>
    public void UseNormalization(Normalization normalization)
    {
        if (normalization.Mean.Length != Spec.Input.Channels || normalization.Std.Length != Spec.Input.Channels)
            throw new ArgumentException($"{Spec.Name} takes {Spec.Input.Channels}-channel images; the normalization has {normalization.Mean.Length} means and {normalization.Std.Length} deviations.", nameof(normalization));
        if (normalization.Std.Any(s => !(s > 0)))
            throw new ArgumentException("Every standard deviation of a normalization must be positive.", nameof(normalization));
        Normalization = normalization;
        normalizationFixed = true;
    }
}
