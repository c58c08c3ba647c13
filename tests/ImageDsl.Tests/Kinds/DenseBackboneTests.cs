using ImageDsl.Networks;
using ImageDsl.Specs;
using static TorchSharp.torch;

namespace ImageDsl.Tests.Kinds;

public class DenseBackboneTests
{
    public static TheoryData<Backbone> AllBackbones() => new(Enum.GetValues<Backbone>());

    [Theory]
    [MemberData(nameof(AllBackbones))]
    public void Every_backbone_gives_multi_scale_maps_and_the_same_features_in_one_pass(Backbone kind)
    {
        int side = Math.Max(32, Backbones.MinimumSide(kind));
        var input = new InputSpec(side, side, 3);
        using var backbone = Backbones.Create(kind, input);
        backbone.eval();
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var images = rand(2, 3, side, side, generator: new TorchSharp.torch.Generator(1));
        var features = backbone.call(images);
        var (pooled, maps) = backbone.ForwardMaps(images);
        Assert.Equal(features.data<float>().ToArray(), pooled.data<float>().ToArray(), (a, b) => Math.Abs(a - b) <= 1e-4f * Math.Max(1, Math.Abs(a)));
        Assert.True(maps.Length >= 3, $"{kind}: {maps.Length} maps");
        Assert.Equal(side, maps[0].shape[2]);
        for (int i = 1; i < maps.Length; i++) Assert.True(maps[i].shape[2] < maps[i - 1].shape[2] || i == 1, $"{kind}: map {i} is not coarser");
        Assert.Equal(maps.Select(m => ((int)m.shape[1], (int)m.shape[2], (int)m.shape[3])), backbone.MapShapes(input));
    }
}
