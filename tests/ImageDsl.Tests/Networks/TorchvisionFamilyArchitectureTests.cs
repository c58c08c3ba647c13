using System.Security.Cryptography;
using System.Text;
using ImageDsl.Networks;
using ImageDsl.Specs;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ImageDsl.Tests.Networks;

/// <summary>
/// ResNet-50, MobileNetV3-Small / -Large and EfficientNet-B0 are torchvision's networks: the same
/// state_dict (names and shapes), parameter counts, layer settings and output widths. The figures
/// were computed once with torchvision 0.14.1 (tests/fixtures/torchvision_fixture.py's environment);
/// these tests need no fixture files.
/// </summary>
public class TorchvisionFamilyArchitectureTests
{
    public enum Family { ResNet50, MobileNetV3Small, MobileNetV3Large, EfficientNetB0 }

    private static nn.Module<Tensor, Tensor> Classifier(Family family, int classes) => family switch
    {
        Family.ResNet50 => new ResNetClassifier(ResNetDepth.ResNet50, classes),
        Family.MobileNetV3Small => new MobileNetV3Classifier(MobileNetV3Size.Small, classes),
        Family.MobileNetV3Large => new MobileNetV3Classifier(MobileNetV3Size.Large, classes),
        _ => new EfficientNetClassifier(classes),
    };

    private static Backbone Kind(Family family) => family switch
    {
        Family.ResNet50 => Backbone.ResNet50,
        Family.MobileNetV3Small => Backbone.MobileNetV3Small,
        Family.MobileNetV3Large => Backbone.MobileNetV3Large,
        _ => Backbone.EfficientNetB0,
    };

    /// <summary>
    /// SHA-256 of torchvision's <c>num_classes=10</c> state_dict, one <c>key [shape]</c> per line in
    /// ordinal order, and of its parameter names in registration order (torchvision 0.14.1).
    /// </summary>
    [Theory]
    [InlineData(Family.ResNet50, "cb12db23ce99d38fd7d5bcb2b260b7664d839efca5dc51f6271419d7c643b61a", "ffdf42b2cdf61bc763a4a37ca0eb9640dbab791d933dbf28162fef5b1f58b98c")]
    [InlineData(Family.MobileNetV3Small, "6c18485784f9089765cf984d1bcdc39e456fe631098eb363f36dfac2d1402c0a", "c6d6ec77ac03794db4fdc7e201870ae70286ed2e0b6630b803875a4f35cc5955")]
    [InlineData(Family.MobileNetV3Large, "06d345702c988aac092aaa1f9552ab020c0d0ed2d63890449b62ac3a4eaaab1e", "3835c4d2abe489c1d56552f23718e42b23ad6a622705dbed24d83a71bed46cd7")]
    [InlineData(Family.EfficientNetB0, "c6d93474af86f85a45b8b15117cd932040bee275c5f8ce277295145a57e83f09", "d0c9d5fba584c25e7872510fd7e970ab8092bfa8892c1fb635736f476df4071a")]
    public void Classifier_state_dict_and_parameter_order_are_torchvisions(Family family, string stateDictDigest, string parameterOrderDigest)
    {
        using var network = Classifier(family, classes: 10);

        var entries = network.state_dict().Select(kv => $"{kv.Key} [{string.Join(", ", kv.Value.shape)}]").Order(StringComparer.Ordinal);
        Assert.Equal(stateDictDigest, Digest(entries));
        Assert.Equal(parameterOrderDigest, Digest(network.named_parameters().Select(p => p.name)));
    }

    /// <summary>torchvision's parameter counts and state_dict sizes at <c>num_classes=1000</c>, and without the classifier layer(s) the heads replace.</summary>
    [Theory]
    [InlineData(Family.ResNet50, 25_557_032, 320, 23_508_032, 2048)]
    [InlineData(Family.MobileNetV3Small, 2_542_856, 244, 1_517_856, 1024)]
    [InlineData(Family.MobileNetV3Large, 5_483_032, 312, 4_202_032, 1280)]
    [InlineData(Family.EfficientNetB0, 5_288_548, 360, 4_007_548, 1280)]
    public void Parameter_counts_match_torchvision(Family family, long classifierParameters, int classifierKeys, long backboneParameters, int features)
    {
        using (var network = Classifier(family, classes: 1000))
        {
            Assert.Equal(classifierParameters, network.parameters().Sum(p => p.numel()));
            Assert.Equal(classifierKeys, network.state_dict().Count);
        }
        using var backbone = Backbones.Create(Kind(family), new InputSpec(64, 64, 3));
        Assert.Equal(backboneParameters, backbone.parameters().Sum(p => p.numel()));
        Assert.Equal(classifierKeys - 2, backbone.state_dict().Count);
        Assert.Equal(features, backbone.FeatureCount);
        Assert.All(backbone.ClassifierPrefixes, prefix => Assert.DoesNotContain(backbone.state_dict().Keys, k => k.StartsWith(prefix, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(Family.ResNet50, 1)]
    [InlineData(Family.MobileNetV3Small, 3)]
    [InlineData(Family.MobileNetV3Large, 1)]
    [InlineData(Family.EfficientNetB0, 3)]
    public void Features_have_the_declared_width_for_any_size_from_the_minimum(Family family, int channels)
    {
        var kind = Kind(family);
        int minimum = Backbones.MinimumSide(kind);
        using var backbone = Backbones.Create(kind, new InputSpec(minimum, minimum, channels));
        backbone.eval();
        using var _ = no_grad();
        using var small = backbone.call(randn(2, channels, minimum, minimum));
        using var wide = backbone.call(randn(1, channels, 48, 100));

        Assert.Equal([2L, backbone.FeatureCount], small.shape);
        Assert.Equal([1L, backbone.FeatureCount], wide.shape);
        Assert.Equal(channels, backbone.state_dict()[backbone.InputConvolution].shape[1]);
    }

    [Theory]
    [InlineData(Family.ResNet50, 53, 1e-5, 0.1)]
    [InlineData(Family.MobileNetV3Small, 34, 1e-3, 0.01)]
    [InlineData(Family.MobileNetV3Large, 46, 1e-3, 0.01)]
    [InlineData(Family.EfficientNetB0, 49, 1e-5, 0.1)]
    public void Batch_norm_has_torchvisions_settings_and_initialization(Family family, int count, double eps, double momentum)
    {
        using var backbone = Backbones.Create(Kind(family), new InputSpec(64, 64, 3));
        var norms = backbone.modules().OfType<BatchNorm2d>().ToArray();

        Assert.Equal(count, norms.Length);
        Assert.All(norms, bn =>
        {
            Assert.Equal(eps, bn.eps);
            Assert.Equal(momentum, bn.momentum);
            Assert.True(bn.weight!.eq(1).all().item<bool>());
            Assert.True(bn.bias!.eq(0).all().item<bool>());
        });
        // Kaiming normal with fan-out: std = sqrt(2 / (out * k * k)) for the stem.
        var stem = backbone.state_dict()[backbone.InputConvolution];
        double expected = Math.Sqrt(2.0 / (stem.shape[0] * stem.shape[2] * stem.shape[3]));
        Assert.InRange(stem.std().item<float>(), expected * 0.85, expected * 1.15);
    }

    [Fact]
    public void ResNet50_has_torchvisions_stage_layout()
    {
        using var backbone = new ResNet(ResNetDepth.ResNet50);
        var state = backbone.state_dict();

        int[] blocks = [3, 4, 6, 3];
        for (int stage = 1; stage <= 4; stage++)
        {
            int width = 64 << (stage - 1);
            Assert.Equal([width * 4L, width, 1, 1], state[$"layer{stage}.{blocks[stage - 1] - 1}.conv3.weight"].shape);
            Assert.DoesNotContain($"layer{stage}.{blocks[stage - 1]}.conv1.weight", state.Keys);
            // Every stage widens its input, so each first block has a projection shortcut, even at stride 1.
            Assert.Equal([width * 4L, stage == 1 ? 64 : width * 2, 1, 1], state[$"layer{stage}.0.downsample.0.weight"].shape);
            Assert.DoesNotContain($"layer{stage}.1.downsample.0.weight", state.Keys);
        }
        // torchvision v1.5: the stride sits on the 3x3 convolution, not the first 1x1.
        var strided = backbone.modules().OfType<Conv2d>().Where(c => c.stride![0] == 2).Select(c => c.kernel_size![0]).ToList();
        Assert.Equal([7, 3, 1, 3, 1, 3, 1], strided);
    }

    [Fact]
    public void MobileNetV3_blocks_follow_torchvisions_table()
    {
        using var small = new MobileNetV3(MobileNetV3Size.Small);
        var state = small.state_dict();

        // Block 1 has no expansion (16 -> 16): depthwise, squeeze-excitation (16 -> 8 -> 16), projection.
        Assert.Equal([16L, 1, 3, 3], state["features.1.block.0.0.weight"].shape);
        Assert.Equal([8L, 16, 1, 1], state["features.1.block.1.fc1.weight"].shape);
        Assert.Equal([16L, 16, 1, 1], state["features.1.block.2.0.weight"].shape);
        Assert.Equal([576L, 96, 1, 1], state["features.12.0.weight"].shape);
        Assert.Equal([1024L, 576], state["classifier.0.weight"].shape);
        Assert.Equal([false, false, true, false, true, true, false, true, false, true, true],
            small.modules().OfType<InvertedResidual>().Select(b => b.HasResidual));
        Assert.Equal(9, small.modules().OfType<Hardsigmoid>().Count()); // the squeeze-excitations' scale, in all blocks but 2 and 3
        Assert.InRange(state["classifier.0.weight"].std().item<float>(), 0.0095, 0.0105);
    }

    [Fact]
    public void EfficientNet_stochastic_depth_grows_with_depth_and_only_trains()
    {
        using var backbone = new EfficientNet();
        var blocks = backbone.modules().OfType<MBConv>().ToList();

        Assert.Equal(Enumerable.Range(0, 16).Select(i => 0.2 * i / 16), blocks.Select(b => b.DropProbability), new ToleranceComparer(1e-12));
        // Squeeze to a quarter of the block's 16 input channels, from its 96 expanded ones.
        Assert.Equal([4L, 96, 1, 1], backbone.state_dict()["features.2.0.block.2.fc1.weight"].shape);
        Assert.Equal([1280L, 320, 1, 1], backbone.state_dict()["features.8.0.weight"].shape);

        // features.6.3 (192 -> 192, stride 1) has a residual and drop probability 0.175: while training,
        // about that share of the samples skip the block (output = input); in evaluation none does.
        var block = blocks[14];
        Assert.True(block.HasResidual);
        using var _ = no_grad();
        using var input = randn(256, 192, 2, 2);
        int Skipped()
        {
            using var scope = NewDisposeScope();
            return (int)block.call(input).eq(input).flatten(1).all(1).sum().item<long>();
        }
        block.eval();
        Assert.Equal(0, Skipped());
        block.train();
        manual_seed(3);
        Assert.InRange(Skipped(), 20, 80); // 256 x 0.175 = 45 expected
    }

    private static string Digest(IEnumerable<string> lines) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", lines))));

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(double value) => 0;
    }
}
