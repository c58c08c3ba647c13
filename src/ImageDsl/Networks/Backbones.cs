using ImageDsl.Specs;

namespace ImageDsl.Networks;

/// <summary>Creates the backbone a spec names.</summary>
public static class Backbones
{
    /// <summary>
    /// Creates the untrained backbone <paramref name="spec"/> declares, with its shape settings
    /// (<see cref="ModelSpec.BackboneBlocks"/>, <see cref="ModelSpec.BackboneWidth"/>,
    /// <see cref="ModelSpec.BackboneGrid"/>; 0 is the default).
    /// </summary>
    public static BackboneModule Create(ModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Backbone == Backbone.PlainCnn)
            return new PlainCnn(spec.Input,
                spec.BackboneBlocks == 0 ? PlainCnn.DefaultBlocks : spec.BackboneBlocks,
                spec.BackboneWidth == 0 ? PlainCnn.DefaultWidth : spec.BackboneWidth,
                spec.BackboneGrid);
        if (spec.BackboneBlocks != 0 || spec.BackboneWidth != 0 || spec.BackboneGrid != 0)
            throw new ArgumentException($"{spec.Name}: BackboneBlocks, BackboneWidth and BackboneGrid shape a PlainCnn; {spec.Backbone} has a fixed shape.", nameof(spec));
        return Create(spec.Backbone, spec.Input);
    }

    /// <summary>Creates an untrained backbone of <paramref name="kind"/> in its default shape for <paramref name="input"/>.</summary>
    public static BackboneModule Create(Backbone kind, InputSpec input) => kind switch
    {
        Backbone.SmallCnn => new SmallCnn(input),
        Backbone.CoordCnn => new CoordCnn(input),
        Backbone.ResNet18 => new ResNet(ResNetDepth.ResNet18, input),
        Backbone.ResNet34 => new ResNet(ResNetDepth.ResNet34, input),
        Backbone.PlainCnn => new PlainCnn(input),
        Backbone.ResNet50 => new ResNet(ResNetDepth.ResNet50, input),
        Backbone.MobileNetV3Small => new MobileNetV3(MobileNetV3Size.Small, input),
        Backbone.MobileNetV3Large => new MobileNetV3(MobileNetV3Size.Large, input),
        Backbone.EfficientNetB0 => new EfficientNet(input),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown backbone."),
    };

    /// <summary>The smallest image side <paramref name="kind"/> accepts (each backbone's <c>MinimumSide</c>).</summary>
    public static int MinimumSide(Backbone kind) => kind switch
    {
        Backbone.SmallCnn => SmallCnn.MinimumSide,
        Backbone.ResNet18 or Backbone.ResNet34 or Backbone.ResNet50 => ResNet.MinimumSide,
        Backbone.MobileNetV3Small or Backbone.MobileNetV3Large => MobileNetV3.MinimumSide,
        Backbone.EfficientNetB0 => EfficientNet.MinimumSide,
        Backbone.PlainCnn => PlainCnn.MinimumSide,
        Backbone.CoordCnn => CoordCnn.MinimumSide,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown backbone."),
    };
}
