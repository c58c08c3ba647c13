using ImageDsl.Networks;
using ImageDsl.Pretrained;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace ImageDsl.Tests.Networks;

/// <summary>
/// Checkpoints stored in float16 or bfloat16 load into the float32 networks with every value
/// widened exactly, from either file format, and each torchvision classifier's own last layer is
/// left out when it loads into the backbone.
/// </summary>
public class HalfPrecisionWeightTests
{
    [Theory]
    [InlineData(WeightLoadingTests.Format.PyTorch, ScalarType.Float16)]
    [InlineData(WeightLoadingTests.Format.Safetensors, ScalarType.Float16)]
    [InlineData(WeightLoadingTests.Format.PyTorch, ScalarType.BFloat16)]
    [InlineData(WeightLoadingTests.Format.Safetensors, ScalarType.BFloat16)]
    public void A_half_precision_classifier_loads_into_its_backbone_widened_exactly(WeightLoadingTests.Format format, ScalarType stored)
    {
        using var temp = new TemporaryDirectory();
        manual_seed(21);
        using var source = new MobileNetV3Classifier(MobileNetV3Size.Small, classes: 7);
        var state = BackboneData.Snapshot(source).ToDictionary(kv => kv.Key, kv => kv.Value.is_floating_point() ? kv.Value.to_type(stored).DetachFromDisposeScope() : kv.Value);
        var path = WeightLoadingTests.Write(temp, format, state);
        using var backbone = new MobileNetV3(MobileNetV3Size.Small);

        var report = WeightLoader.LoadBackbone(backbone, path);

        Assert.Equal(["classifier.3.bias", "classifier.3.weight"], report.Ignored);
        Assert.Equal(state.Count - 2, report.Loaded);
        foreach (var (key, value) in backbone.state_dict())
        {
            Assert.Equal(value.dtype == ScalarType.Int64 ? ScalarType.Int64 : ScalarType.Float32, value.dtype);
            Assert.Equal(0, BackboneData.MaxAbsDifference(value, state[key].to_type(value.dtype)));
        }
        // The file really held rounded values: the widened weights are not the float32 originals.
        Assert.NotEqual(0, BackboneData.MaxAbsDifference(backbone.state_dict()["classifier.0.weight"], source.state_dict()["classifier.0.weight"]));
    }

    [Fact]
    public void EfficientNet_and_ResNet50_leave_out_their_classifiers()
    {
        manual_seed(22);
        using (var efficient = new EfficientNetClassifier(classes: 3))
        using (var weights = PretrainedWeights.FromTensors(BackboneData.Snapshot(efficient)))
        using (var backbone = new EfficientNet())
            Assert.Equal(["classifier.1.bias", "classifier.1.weight"], WeightLoader.LoadBackbone(backbone, weights).Ignored);
        using (var resnet = new ResNetClassifier(ResNetDepth.ResNet50, classes: 3))
        using (var weights = PretrainedWeights.FromTensors(BackboneData.Snapshot(resnet)))
        using (var backbone = new ResNet(ResNetDepth.ResNet50))
            Assert.Equal(["fc.bias", "fc.weight"], WeightLoader.LoadBackbone(backbone, weights).Ignored);
    }

    [Fact]
    public void RGB_weights_adapt_to_grayscale_through_the_stem()
    {
        manual_seed(23);
        using var rgb = new EfficientNet(inputChannels: 3);
        using var weights = PretrainedWeights.FromTensors(BackboneData.Snapshot(rgb));
        using var gray = new EfficientNet(inputChannels: 1);

        var report = WeightLoader.LoadBackbone(gray, weights);

        Assert.Contains(report.Adaptations, a => a.StartsWith("features.0.0.weight: summed", StringComparison.Ordinal));
        rgb.eval();
        gray.eval();
        using var _ = no_grad();
        using var image = rand(2, 1, 40, 40);
        Assert.InRange(BackboneData.MaxAbsDifference(gray.call(image), rgb.call(image.expand(2, 3, 40, 40))), 0, 1e-4);
    }
}
