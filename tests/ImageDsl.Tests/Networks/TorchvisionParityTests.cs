using ImageDsl.Networks;
using ImageDsl.Pretrained;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace ImageDsl.Tests.Networks;

/// <summary>
/// Our ResNet-18 with torchvision's weights must compute torchvision's logits. The fixture
/// (../shared/fixtures/torchvision, see its README) was written by torchvision 0.14.1 in eval mode.
/// </summary>
public class TorchvisionParityTests(ITestOutputHelper output)
{
    private const string Weights = "fixtures/torchvision/resnet18-seed0.pt";
    private const string Input = "fixtures/torchvision/resnet18-seed0.input.f32";
    private const string Logits = "fixtures/torchvision/resnet18-seed0.logits.f32";
    private const double Tolerance = 1e-4;

    [RequiresSharedFact(Weights, Input, Logits)]
    public void ResNet18_reproduces_torchvisions_logits()
    {
        using var network = new ResNetClassifier(ResNetDepth.ResNet18, classes: 10);
        using (var weights = PretrainedWeights.Read(SharedFiles.Find(Weights)!))
        {
            var report = WeightLoader.Load(network, weights);
            Assert.Equal(122, report.Loaded);
        }
        network.eval();
        using var images = ReadFloats(Input, 2, 3, 64, 64);
        using var expected = ReadFloats(Logits, 2, 10);

        using var _ = no_grad();
        using var logits = network.call(images);

        double difference = BackboneData.MaxAbsDifference(logits, expected);
        output.WriteLine($"ResNet-18 vs torchvision 0.14.1 logits: max |difference| = {difference:E2} (tolerance {Tolerance:E0})");
        Assert.InRange(difference, 0, Tolerance);
    }

    [RequiresSharedFact(Weights, Input, Logits)]
    public void Backbone_load_drops_fc_and_its_features_give_the_same_logits()
    {
        using var backbone = new ResNet(ResNetDepth.ResNet18);
        using var weights = PretrainedWeights.Read(SharedFiles.Find(Weights)!);
        var report = WeightLoader.LoadBackbone(backbone, weights);
        backbone.eval();
        using var images = ReadFloats(Input, 2, 3, 64, 64);
        using var expected = ReadFloats(Logits, 2, 10);

        using var _ = no_grad();
        using var features = backbone.call(images);
        using var logits = nn.functional.linear(features, weights.Tensors["fc.weight"], weights.Tensors["fc.bias"]);

        Assert.Equal(["fc.bias", "fc.weight"], report.Ignored);
        Assert.Equal(120, report.Loaded);
        Assert.InRange(BackboneData.MaxAbsDifference(logits, expected), 0, Tolerance);
    }

    [RequiresSharedFact(Weights)]
    public void Fixture_file_has_exactly_torchvisions_keys_and_shapes()
    {
        using var weights = PretrainedWeights.Read(SharedFiles.Find(Weights)!);

        var inFile = weights.Tensors.Select(kv => $"{kv.Key} [{string.Join(", ", kv.Value.shape)}]").Order(StringComparer.Ordinal);
        var expected = TorchvisionResNet18.Entries.Select(e => $"{e.Key} [{string.Join(", ", e.Shape)}]").Order(StringComparer.Ordinal);
        Assert.Equal(expected, inFile);
    }

    private static Tensor ReadFloats(string relativePath, params long[] shape)
    {
        var bytes = File.ReadAllBytes(SharedFiles.Find(relativePath)!);
        Assert.Equal(shape.Aggregate(4L, (a, b) => a * b), bytes.Length);
        var values = new float[bytes.Length / 4];
        for (int i = 0; i < values.Length; i++) values[i] = BitConverter.ToSingle(bytes, i * 4); // the fixture is little-endian, as is this machine
        return tensor(values, shape);
    }
}
