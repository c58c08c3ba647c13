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
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown backbone."),
    };
}
