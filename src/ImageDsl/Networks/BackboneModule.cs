using static TorchSharp.torch;

namespace ImageDsl.Networks;

/// <summary>A feature extractor: images <c>[N, C, H, W]</c> in, features <c>[N, FeatureCount]</c> out.</summary>
public abstract class BackboneModule : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the module with TorchSharp's module name.</summary>
    protected BackboneModule(string name) : base(name) { }

    /// <summary>Width of the feature vector the heads receive.</summary>
    public abstract int FeatureCount { get; }

    /// <summary>
    /// The state_dict key of the first convolution's weight, whose input channels follow the
    /// image's; pretrained weights for another channel count are adapted there.
    /// </summary>
    public abstract string InputConvolution { get; }

    /// <summary>
    /// The state_dict key prefixes of what torchvision's classifier has and this backbone does not
    /// (<c>fc.</c> for ResNet), left out when a classifier's weights are loaded into it so that the
    /// model's own heads replace them.
    /// </summary>
    public virtual IReadOnlyList<string> ClassifierPrefixes => Pretrained.WeightLoader.ClassifierPrefixes;

    /// <summary>The backbone inside <paramref name="network"/> (itself, or its first descendant that is one), or null.</summary>
    public static BackboneModule? Find(nn.Module network) =>
        network as BackboneModule ?? network.modules().OfType<BackboneModule>().FirstOrDefault();
}
