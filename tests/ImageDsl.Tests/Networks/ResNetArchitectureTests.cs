using ImageDsl.Networks;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ImageDsl.Tests.Networks;

public class ResNetArchitectureTests
{
    [Fact]
    public void ResNet18_classifier_has_torchvisions_state_dict_keys_and_shapes()
    {
        using var network = new ResNetClassifier(ResNetDepth.ResNet18, classes: 10);

        var ours = network.state_dict().Select(kv => $"{kv.Key} [{string.Join(", ", kv.Value.shape)}]").Order(StringComparer.Ordinal);
        var expected = TorchvisionResNet18.Entries.Select(e => $"{e.Key} [{string.Join(", ", e.Shape)}]").Order(StringComparer.Ordinal);

        Assert.Equal(expected, ours);
    }

    [Fact]
    public void ResNet18_parameters_come_in_torchvisions_order()
    {
        using var network = new ResNetClassifier(ResNetDepth.ResNet18, classes: 10);
        var buffers = new[] { ".running_mean", ".running_var", ".num_batches_tracked" };
        var expected = TorchvisionResNet18.Entries.Select(e => e.Key).Where(k => !buffers.Any(k.EndsWith));

        Assert.Equal(expected, network.named_parameters().Select(p => p.name));
    }

    [Fact]
    public void Backbone_is_the_classifier_without_fc()
    {
        using var backbone = new ResNet(ResNetDepth.ResNet18);

        var expected = TorchvisionResNet18.Entries.Select(e => e.Key).Where(k => !k.StartsWith("fc.", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        Assert.Equal(expected, backbone.state_dict().Keys.Order(StringComparer.Ordinal));
        Assert.Equal(512, backbone.FeatureCount);
    }

    [Theory]
    [InlineData(ResNetDepth.ResNet18, 11_176_512, 122 - 2)]
    [InlineData(ResNetDepth.ResNet34, 21_284_672, 218 - 2)]
    public void Parameter_counts_match_torchvision(ResNetDepth depth, long parameters, int stateDictKeys)
    {
        // torchvision: resnet18 11,689,512 and resnet34 21,797,672 parameters, of which fc(512→1000) is 513,000.
        using var backbone = new ResNet(depth);

        Assert.Equal(parameters, backbone.parameters().Sum(p => p.numel()));
        Assert.Equal(stateDictKeys, backbone.state_dict().Count);
    }

    [Fact]
    public void ResNet34_has_torchvisions_stage_layout()
    {
        using var backbone = new ResNet(ResNetDepth.ResNet34);
        var keys = backbone.state_dict().Keys.ToHashSet();

        int[] blocks = [3, 4, 6, 3];
        for (int stage = 1; stage <= 4; stage++)
        {
            Assert.Contains($"layer{stage}.{blocks[stage - 1] - 1}.bn2.running_var", keys);
            Assert.DoesNotContain($"layer{stage}.{blocks[stage - 1]}.conv1.weight", keys);
            Assert.Equal(stage > 1, keys.Contains($"layer{stage}.0.downsample.0.weight"));
            Assert.DoesNotContain($"layer{stage}.1.downsample.0.weight", keys);
        }
    }

    [Fact]
    public void Batch_norm_uses_torchvisions_eps_and_momentum_and_init()
    {
        using var backbone = new ResNet(ResNetDepth.ResNet18);
        var norms = backbone.modules().OfType<BatchNorm2d>().ToArray();

        Assert.Equal(20, norms.Length);
        foreach (var bn in norms)
        {
            Assert.Equal(1e-5, bn.eps);
            Assert.Equal(0.1, bn.momentum);
            Assert.True(bn.weight!.eq(1).all().item<bool>());
            Assert.True(bn.bias!.eq(0).all().item<bool>());
        }
        // Kaiming normal with fan-out: std = sqrt(2 / (out * k * k)) = sqrt(2 / (64 * 49)) for conv1.
        var std = backbone.state_dict()["conv1.weight"].std().item<float>();
        Assert.InRange(std, 0.0252 * 0.95, 0.0252 * 1.05);
    }

    [Fact]
    public void Features_are_512_wide_for_any_size_from_the_minimum()
    {
        using var backbone = new ResNet(ResNetDepth.ResNet18, inputChannels: 1);
        backbone.eval();
        using var _ = no_grad();
        using var small = backbone.call(randn(2, 1, ResNet.MinimumSide, ResNet.MinimumSide));
        using var wide = backbone.call(randn(1, 1, 48, 100));

        Assert.Equal([2L, 512], small.shape);
        Assert.Equal([1L, 512], wide.shape);
    }

    [Fact]
    public void PlainCnn_depth_and_width_set_its_features()
    {
        using var network = new PlainCnn(new Specs.InputSpec(32, 32, 3), blocks: 4, width: 8);
        using var features = network.call(randn(2, 3, 32, 32));

        Assert.Equal(64, network.FeatureCount);
        Assert.Equal([2L, 64], features.shape);
        Assert.Equal(["blocks.0.conv1.weight", "blocks.3.bn2.weight"], network.state_dict().Keys.Where(k => k is "blocks.0.conv1.weight" or "blocks.3.bn2.weight"));
    }
}
