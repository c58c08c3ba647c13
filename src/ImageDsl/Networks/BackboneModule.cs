using ImageDsl.Specs;
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

    /// <summary>
    /// The convolutional stages in order, each image's feature map passing through them one after
    /// another (what a dense target's decoder takes its skip connections from); see <see cref="ForwardMaps"/>.
    /// </summary>
    protected abstract IEnumerable<nn.Module<Tensor, Tensor>> MapStages { get; }

    /// <summary>The stages, for the ONNX export of the maps.</summary>
    internal IEnumerable<nn.Module<Tensor, Tensor>> Stages => MapStages;

    /// <summary>True when <see cref="BeforeStages"/> adds channels (the ONNX export of the maps does not write that yet).</summary>
    internal virtual bool AddsChannels => false;

    /// <summary>What the images become before the first stage (the images themselves unless a backbone adds channels).</summary>
    protected virtual Tensor BeforeStages(Tensor images) => images.alias();

    /// <summary>The feature vector from the last stage's map, as <c>forward</c> computes it.</summary>
    protected abstract Tensor Pool(Tensor lastMap);

    /// <summary>
    /// One pass giving both the feature vector <c>forward</c> gives and the multi-scale feature
    /// maps a dense decoder needs: the images themselves first, then, at each resolution the stages
    /// reach, the last stage's output at it (finest first). Every backbone gives them from its own
    /// stages, so a dense target works with any backbone.
    /// </summary>
    public (Tensor Features, Tensor[] Maps) ForwardMaps(Tensor images)
    {
        using var scope = NewDisposeScope();
        var maps = new List<Tensor> { images.alias() };
        var x = BeforeStages(images);
        foreach (var stage in MapStages)
        {
            x = stage is TorchSharp.Modules.Sequential sequential ? ChannelsLast.Run(sequential, x) : stage.call(x);
            if (maps.Count > 1 && maps[^1].shape[2] == x.shape[2] && maps[^1].shape[3] == x.shape[3]) maps[^1] = x;
            else maps.Add(x);
        }
        var features = Pool(x);
        var result = (features.MoveToOuterDisposeScope(), maps.Select(m => m.MoveToOuterDisposeScope()).ToArray());
        return result;
    }

    /// <summary>The channels of each of <see cref="ForwardMaps"/>' maps for images of <paramref name="input"/>'s size, measured with one blank image.</summary>
    public IReadOnlyList<(int Channels, int Height, int Width)> MapShapes(InputSpec input)
    {
        bool training = this.training;
        eval();
        try
        {
            using var scope = NewDisposeScope();
            using var _ = no_grad();
            var (_, maps) = ForwardMaps(zeros(1, input.Channels, input.Height, input.Width, device: Modeling.ModelDevice.Of(this)));
            return maps.Select(m => ((int)m.shape[1], (int)m.shape[2], (int)m.shape[3])).ToArray();
        }
        finally
        {
            if (training) train();
        }
    }

    /// <summary>The backbone inside <paramref name="network"/> (itself, or its first descendant that is one), or null.</summary>
    public static BackboneModule? Find(nn.Module network) =>
        network as BackboneModule ?? network.modules().OfType<BackboneModule>().FirstOrDefault();
}
