using ImageDsl.Specs;

namespace ImageDsl.Networks;

/// <summary>Creates the backbone a spec names.</summary>
public static class Backbones
{
    /// <summary>Creates an untrained backbone for <paramref name="input"/>.</summary>
    public static BackboneModule Create(Backbone kind, InputSpec input) => kind switch
    {
        Backbone.SmallCnn => new SmallCnn(input),
        Backbone.CoordCnn => new CoordCnn(input),
        Backbone.ResNet18 => new ResNet(ResNetDepth.ResNet18, input),
        Backbone.ResNet34 => new ResNet(ResNetDepth.ResNet34, input),
        Backbone.PlainCnn => new PlainCnn(input),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown backbone."),
    };

    /// <summary>The smallest image side <paramref name="kind"/> accepts (each backbone's <c>MinimumSide</c>).</summary>
    public static int MinimumSide(Backbone kind) => kind switch
    {
        Backbone.SmallCnn => SmallCnn.MinimumSide,
        Backbone.ResNet18 or Backbone.ResNet34 => ResNet.MinimumSide,
        Backbone.PlainCnn => PlainCnn.MinimumSide,
        Backbone.CoordCnn => CoordCnn.MinimumSide,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown backbone."),
    };
}
