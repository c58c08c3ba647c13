using ImageDsl.Networks;
using ImageDsl.Pretrained;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace ImageDsl.Tests.Networks;

public class WeightLoadingTests
{
    public enum Format { PyTorch, Safetensors }

    [Theory]
    [InlineData(Format.PyTorch)]
    [InlineData(Format.Safetensors)]
    public void A_saved_classifier_loads_into_a_backbone_from_either_format(Format format)
    {
        using var temp = new TemporaryDirectory();
        manual_seed(11);
        using var source = new ResNetClassifier(ResNetDepth.ResNet18, classes: 10);
        var path = Write(temp, format, BackboneData.Snapshot(source));
        using var backbone = new ResNet(ResNetDepth.ResNet18);

        var report = WeightLoader.LoadBackbone(backbone, path);

        Assert.Equal(120, report.Loaded);
        Assert.Equal(["fc.bias", "fc.weight"], report.Ignored);
        source.eval();
        backbone.eval();
        using var _ = no_grad();
        using var images = randn(2, 3, 32, 32);
        Assert.Equal(0, BackboneData.MaxAbsDifference(source.Backbone.call(images), backbone.call(images)));
    }

    [Theory]
    [InlineData(Format.PyTorch)]
    [InlineData(Format.Safetensors)]
    public void A_missing_a_misshaped_and_an_unexpected_tensor_are_each_named_and_nothing_is_loaded(Format format)
    {
        using var temp = new TemporaryDirectory();
        manual_seed(12);
        using var source = new ResNet(ResNetDepth.ResNet18);
        var state = BackboneData.Snapshot(source);
        state.Remove("layer4.1.bn2.weight");
        state["layer2.0.conv1.weight"] = zeros(128, 64, 5, 5);
        state["layer5.0.conv1.weight"] = zeros(8, 8, 3, 3);
        var path = Write(temp, format, state);
        using var target = new ResNet(ResNetDepth.ResNet18);
        var before = BackboneData.Snapshot(target);

        var error = Assert.Throws<PretrainedWeightsException>(() => WeightLoader.LoadBackbone(target, path));

        Assert.Equal(3, error.Problems.Count);
        Assert.Contains("missing: layer4.1.bn2.weight [512] is not in the file", error.Problems);
        Assert.Contains("mis-shaped: layer2.0.conv1.weight: the file has [128, 64, 5, 5], the network needs [128, 64, 3, 3]", error.Problems);
        Assert.Contains("unexpected: layer5.0.conv1.weight [8, 8, 3, 3] is in the file but not in the network", error.Problems);
        Assert.Contains($"The weights in {path} do not fit ResNet-18", error.Message);
        Assert.All(target.state_dict(), kv => Assert.Equal(0, BackboneData.MaxAbsDifference(kv.Value, before[kv.Key])));
    }

    [Fact]
    public void Weights_of_another_architecture_say_so()
    {
        manual_seed(13);
        using var other = new SmallCnn(new Specs.InputSpec(32, 32, 3));
        using var weights = PretrainedWeights.FromTensors(BackboneData.Snapshot(other), "small.pt");
        using var target = new ResNet(ResNetDepth.ResNet18);

        var error = Assert.Throws<PretrainedWeightsException>(() => WeightLoader.LoadBackbone(target, weights));

        Assert.Contains("None of the network's keys is in the file, whose keys look like 'block1.bn.bias'", error.Message);
        Assert.Contains("... and ", error.Message);
    }

    [Fact]
    public void Files_without_batch_norm_counters_load_as_in_pytorch()
    {
        manual_seed(14);
        using var source = new ResNet(ResNetDepth.ResNet18);
        var state = BackboneData.Snapshot(source).Where(kv => !kv.Key.EndsWith(".num_batches_tracked", StringComparison.Ordinal)).ToDictionary();
        using var weights = PretrainedWeights.FromTensors(state);
        using var target = new ResNet(ResNetDepth.ResNet18);

        Assert.Equal(100, WeightLoader.LoadBackbone(target, weights).Loaded);
    }

    [Fact]
    public void Unreadable_files_are_refused_clearly()
    {
        using var temp = new TemporaryDirectory();
        File.WriteAllText(temp.File("notes.pt"), "not weights at all");

        var error = Assert.Throws<PretrainedWeightsException>(() => PretrainedWeights.Read(temp.File("notes.pt")));
        Assert.Contains("is neither a PyTorch state_dict saved by torch.save (a zip archive) nor a safetensors file", error.Message);
        Assert.Throws<FileNotFoundException>(() => PretrainedWeights.Read(temp.File("absent.pth")));
    }

    internal static string Write(TemporaryDirectory temp, Format format, Dictionary<string, Tensor> state)
    {
        if (format == Format.PyTorch)
        {
            var path = temp.File("weights.pth");
            PyTorchPickler.PickleStateDict(path, state);
            return path;
        }
        var safetensors = temp.File("weights.safetensors");
        using (var stream = File.Create(safetensors)) Safetensors.SaveStateDict(stream, state);
        return safetensors;
    }
}
