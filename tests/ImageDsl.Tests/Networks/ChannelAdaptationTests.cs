using ImageDsl.Networks;
using ImageDsl.Pretrained;
using static TorchSharp.torch;

namespace ImageDsl.Tests.Networks;

public class ChannelAdaptationTests
{
    [Fact]
    public void Gray_model_from_rgb_weights_equals_rgb_model_on_the_image_replicated()
    {
        manual_seed(3);
        using var rgb = TrainedLookingResNet(channels: 3);
        using var gray = new ResNet(ResNetDepth.ResNet18, inputChannels: 1);
        using (var weights = PretrainedWeights.FromTensors(BackboneData.Snapshot(rgb)))
        {
            var report = WeightLoader.LoadBackbone(gray, weights);
            Assert.Equal(["conv1.weight: summed over the 3 input channels of the file's weight for 1-channel images"], report.Adaptations);
        }
        gray.eval();
        using var image = randn(2, 1, 64, 64);

        using var _ = no_grad();
        using var fromGray = gray.call(image);
        using var fromReplicated = rgb.call(image.repeat(1, 3, 1, 1));

        Assert.InRange(BackboneData.MaxAbsDifference(fromGray, fromReplicated), 0, 1e-4);
        Assert.True(fromGray.abs().mean().item<float>() > 0.01f, "the features should not be trivially zero");
    }

    [Fact]
    public void Rgb_model_from_gray_weights_equals_gray_model_on_a_gray_rgb_image()
    {
        manual_seed(4);
        using var gray = TrainedLookingResNet(channels: 1);
        using var rgb = new ResNet(ResNetDepth.ResNet18, inputChannels: 3);
        using (var weights = PretrainedWeights.FromTensors(BackboneData.Snapshot(gray)))
            WeightLoader.LoadBackbone(rgb, weights);
        rgb.eval();
        using var image = randn(2, 1, 48, 48);

        using var _ = no_grad();
        Assert.InRange(BackboneData.MaxAbsDifference(gray.call(image), rgb.call(image.repeat(1, 3, 1, 1))), 0, 1e-4);
    }

    [Fact]
    public void Sum_and_repeat_rules()
    {
        using var weight = arange(2 * 3 * 1 * 1, dtype: ScalarType.Float32).reshape(2, 3, 1, 1);

        using var summed = ChannelAdaptation.Adapt(weight, 1);
        using var spread = ChannelAdaptation.Adapt(summed, 3);

        Assert.Equal([3f, 12f], summed.flatten().data<float>().ToArray());
        Assert.Equal([1f, 1f, 1f, 4f, 4f, 4f], spread.flatten().data<float>().ToArray());
        Assert.Throws<ArgumentException>(() => ChannelAdaptation.Adapt(weight, 2));
    }

    [Fact]
    public void Other_channel_counts_are_refused_naming_the_first_convolution()
    {
        manual_seed(5);
        using var source = new ResNet(ResNetDepth.ResNet18, inputChannels: 4);
        using var target = new ResNet(ResNetDepth.ResNet18, inputChannels: 3);
        using var weights = PretrainedWeights.FromTensors(BackboneData.Snapshot(source));

        var error = Assert.Throws<PretrainedWeightsException>(() => WeightLoader.LoadBackbone(target, weights));

        Assert.Contains("mis-shaped: conv1.weight: the file has [64, 4, 7, 7], the network needs [64, 3, 7, 7] (the file was trained on 4-channel images", error.Message);
    }

    /// <summary>A ResNet in eval mode whose batch norms hold non-trivial running statistics.</summary>
    private static ResNet TrainedLookingResNet(int channels)
    {
        var network = new ResNet(ResNetDepth.ResNet18, channels);
        network.train();
        using (no_grad())
            for (int i = 0; i < 3; i++)
                using (var scope = NewDisposeScope()) network.call(randn(4, channels, 64, 64) * 2 + 0.5);
        network.eval();
        return network;
    }
}
