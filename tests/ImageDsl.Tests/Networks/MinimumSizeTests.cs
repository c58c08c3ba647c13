using ImageDsl.Networks;
using ImageDsl.Specs;
using static TorchSharp.torch;

namespace ImageDsl.Tests.Networks;

public class MinimumSizeTests
{
    [Theory]
    [InlineData(Backbone.SmallCnn, 8)]
    [InlineData(Backbone.ResNet18, 32)]
    [InlineData(Backbone.ResNet34, 32)]
    [InlineData(Backbone.PlainCnn, 8)]
    [InlineData(Backbone.ResNet50, 32)]
    [InlineData(Backbone.MobileNetV3Small, 32)]
    [InlineData(Backbone.MobileNetV3Large, 32)]
    [InlineData(Backbone.EfficientNetB0, 32)]
    public void Each_backbone_takes_its_minimum_and_refuses_one_pixel_less(Backbone kind, int minimum)
    {
        Assert.Equal(minimum, Backbones.MinimumSide(kind));
        using (var fits = Backbones.Create(kind, new InputSpec(minimum, minimum, 3)))
        {
            using var features = fits.call(zeros(1, 3, minimum, minimum));
            Assert.Equal(fits.FeatureCount, features.shape[1]);
        }

        var error = Assert.Throws<ArgumentException>(() => Backbones.Create(kind, new InputSpec(minimum, minimum - 1, 3)));

        Assert.Contains($"at least {minimum}x{minimum} pixels", error.Message);
        Assert.Contains($"{minimum}x{minimum - 1}", error.Message);
    }

    [Fact]
    public void ResNet_refuses_a_batch_too_small_or_with_the_wrong_channels_at_forward()
    {
        using var backbone = new ResNet(ResNetDepth.ResNet18, inputChannels: 3);

        var small = Assert.Throws<ArgumentException>(() => backbone.call(zeros(1, 3, 64, 16)));
        var channels = Assert.Throws<ArgumentException>(() => backbone.call(zeros(1, 1, 64, 64)));

        Assert.Contains("ResNet-18 needs images of at least 32x32 pixels", small.Message);
        Assert.Contains("given 16x64", small.Message);
        Assert.Contains("takes images [N, 3, H, W]; it was given [1, 1, 64, 64]", channels.Message);
    }

    [Theory]
    [InlineData(Backbone.MobileNetV3Small, "MobileNetV3-Small")]
    [InlineData(Backbone.MobileNetV3Large, "MobileNetV3-Large")]
    [InlineData(Backbone.EfficientNetB0, "EfficientNet-B0")]
    [InlineData(Backbone.ResNet50, "ResNet-50")]
    public void Torchvision_backbones_refuse_a_batch_too_small_or_with_the_wrong_channels_at_forward(Backbone kind, string name)
    {
        using var backbone = Backbones.Create(kind, new InputSpec(64, 64, 3));

        var small = Assert.Throws<ArgumentException>(() => backbone.call(zeros(1, 3, 64, 16)));
        var channels = Assert.Throws<ArgumentException>(() => backbone.call(zeros(1, 1, 64, 64)));

        Assert.Contains($"{name} needs images of at least 32x32 pixels", small.Message);
        Assert.Contains("given 16x64", small.Message);
        Assert.Contains("takes images [N, 3, H, W]; it was given [1, 1, 64, 64]", channels.Message);
    }

    [Fact]
    public void PlainCnn_minimum_follows_its_depth()
    {
        Assert.Equal(32, PlainCnn.MinimumSideFor(5));
        var error = Assert.Throws<ArgumentException>(() => new PlainCnn(new InputSpec(28, 28, 1), blocks: 5));
        Assert.Contains("at least 32x32", error.Message);
    }
}
