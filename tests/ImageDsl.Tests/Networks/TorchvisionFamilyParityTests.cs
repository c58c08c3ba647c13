using ImageDsl.Networks;
using ImageDsl.Pretrained;
using TorchSharp.PyBridge;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace ImageDsl.Tests.Networks;

/// <summary>
/// ResNet-50, MobileNetV3-Small / -Large and EfficientNet-B0 with torchvision's weights must compute
/// torchvision's logits, for every fixture found (see <see cref="TorchvisionFixtures"/>): those in
/// ../shared, others made the same way with other seeds, and MobileNetV3-Large's, made here.
/// </summary>
public class TorchvisionFamilyParityTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-4;

    [RequiresTorchvisionFixtureFact("resnet50")]
    public void ResNet50_reproduces_torchvisions_logits() =>
        AssertParity("resnet50", classes => new ResNetClassifier(ResNetDepth.ResNet50, classes), classifierKeys: 2);

    [RequiresTorchvisionFixtureFact("mobilenet_v3_small")]
    public void MobileNetV3_Small_reproduces_torchvisions_logits() =>
        AssertParity("mobilenet_v3_small", classes => new MobileNetV3Classifier(MobileNetV3Size.Small, classes), classifierKeys: 2);

    [RequiresTorchvisionFixtureFact("mobilenet_v3_large", generate: true)]
    public void MobileNetV3_Large_reproduces_torchvisions_logits() =>
        AssertParity("mobilenet_v3_large", classes => new MobileNetV3Classifier(MobileNetV3Size.Large, classes), classifierKeys: 2);

    [RequiresTorchvisionFixtureFact("efficientnet_b0")]
    public void EfficientNet_B0_reproduces_torchvisions_logits() =>
        AssertParity("efficientnet_b0", classes => new EfficientNetClassifier(classes), classifierKeys: 2);

    [RequiresTorchvisionFixtureFact("resnet50")]
    public void Float16_weights_are_widened_exactly_and_safetensors_give_the_same_logits()
    {
        var fixture = TorchvisionFixtures.For("resnet50")[0];
        using var fromPickle = new ResNetClassifier(ResNetDepth.ResNet50, fixture.Classes);
        using var fromSafetensors = new ResNetClassifier(ResNetDepth.ResNet50, fixture.Classes);
        using var temp = new TemporaryDirectory();
        var safetensors = temp.File("weights.safetensors");
        using (var weights = PretrainedWeights.Read(fixture.Weights))
        {
            WeightLoader.Load(fromPickle, weights);
            using (var stream = File.Create(safetensors)) Safetensors.SaveStateDict(stream, weights.Tensors.ToDictionary());
            // Exactly: every float16 value is a float32 value.
            var loaded = fromPickle.state_dict();
            foreach (var (key, stored) in weights.Tensors)
                Assert.Equal(0, BackboneData.MaxAbsDifference(loaded[key], stored.to_type(loaded[key].dtype)));
            if (fixture.WeightsType == "float16")
                Assert.Contains(weights.Tensors.Values, t => t.dtype == ScalarType.Float16);
        }
        WeightLoader.Load(fromSafetensors, PretrainedWeights.Read(safetensors));
        fromPickle.eval();
        fromSafetensors.eval();

        using var _ = no_grad();
        using var images = fixture.ReadInput();
        Assert.Equal(0, BackboneData.MaxAbsDifference(fromPickle.call(images), fromSafetensors.call(images)));
    }

    /// <summary>
    /// Loads each fixture into the complete classifier (every key used, none missing) and compares
    /// its logits; then loads it into the bare backbone, which leaves out the classifier's last
    /// layer, and checks that that layer applied to the backbone's features gives the same logits.
    /// </summary>
    private void AssertParity(string architecture, Func<int, nn.Module<Tensor, Tensor>> classifier, int classifierKeys)
    {
        var fixtures = TorchvisionFixtures.For(architecture, generate: true);
        Assert.NotEmpty(fixtures);
        foreach (var fixture in fixtures)
        {
            using var network = classifier(fixture.Classes);
            using var weights = PretrainedWeights.Read(fixture.Weights);
            var report = WeightLoader.Load(network, weights);
            Assert.Equal(fixture.Keys, report.Loaded);
            network.eval();

            using var _ = no_grad();
            using var images = fixture.ReadInput();
            using var expected = fixture.ReadLogits();
            using var logits = network.call(images);
            double difference = BackboneData.MaxAbsDifference(logits, expected);
            output.WriteLine($"{fixture} ({fixture.WeightsType} weights) vs torchvision: max |logit difference| = {difference:E2} (tolerance {Tolerance:E0}; logits up to {expected.abs().max().item<float>():F2})");
            Assert.InRange(difference, 0, Tolerance);

            BackboneModule backbone = network switch
            {
                ResNetClassifier resnet => resnet.Backbone,
                MobileNetV3Classifier mobile => mobile.Backbone,
                EfficientNetClassifier efficient => efficient.Backbone,
                _ => throw new ArgumentException(network.GetType().Name),
            };
            using var bare = (BackboneModule)Activator.CreateInstance(backbone.GetType(), BackboneArguments(backbone))!;
            var bareReport = WeightLoader.LoadBackbone(bare, weights);
            Assert.Equal(classifierKeys, bareReport.Ignored.Count);
            Assert.Equal(fixture.Keys - classifierKeys, bareReport.Loaded);
            bare.eval();
            using var features = bare.call(images);
            var (weight, bias) = LastLayer(weights, bareReport.Ignored);
            using var fromFeatures = nn.functional.linear(features, weight, bias);
            Assert.InRange(BackboneData.MaxAbsDifference(fromFeatures, expected), 0, Tolerance);
        }
    }

    private static object[] BackboneArguments(BackboneModule backbone) => backbone switch
    {
        ResNet resnet => [resnet.Depth, resnet.InputChannels],
        MobileNetV3 mobile => [mobile.Size, mobile.InputChannels],
        EfficientNet efficient => [efficient.InputChannels],
        _ => throw new ArgumentException(backbone.GetType().Name),
    };

    private static (Tensor Weight, Tensor Bias) LastLayer(PretrainedWeights weights, IReadOnlyList<string> ignored) =>
        (weights.Tensors[ignored.Single(k => k.EndsWith(".weight", StringComparison.Ordinal))].to_type(ScalarType.Float32),
         weights.Tensors[ignored.Single(k => k.EndsWith(".bias", StringComparison.Ordinal))].to_type(ScalarType.Float32));
}
