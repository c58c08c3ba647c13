using static TorchSharp.torch;

namespace ImageDsl.Networks;

/// <summary>A feature extractor: images <c>[N, C, H, W]</c> in, features <c>[N, FeatureCount]</c> out.</summary>
public abstract class BackboneModule : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the module with TorchSharp's module name.</summary>
    protected BackboneModule(string name) : base(name) { }

    /// <summary>Width of the feature vector the heads receive.</summary>
    public abstract int FeatureCount { get; }
}
