namespace ImageDsl.Examples;

// One image, three ways to declare the same target: the skin tone of an emoji, 1 (light) to 5
// (dark). Same input, backbone and augmentation, so only the target's kind differs.
//
// Colour is the answer here, so augmentation only moves the image (mirror, shift, scale) and
// never touches brightness or contrast.

/// <summary>The tone as an ordinal target: five ordered ranks, a rank-consistent (CORAL) head.</summary>
[ImageModel(Width = 32, Height = 32, Channels = 3, Backbone = Backbone.PlainCnn, BackboneBlocks = 3, BackboneWidth = 16)]
[Augment(FlipHorizontal = true, Shift = 2, Scale = 0.1)]
public partial class SkinToneOrdinal
{
    /// <summary>Fitzpatrick type, 1 (light) to 5 (dark).</summary>
    [Ordinal(1, 5)] public int Tone { get; init; }
}

/// <summary>The tone as a bounded regression, rounded to the nearest tone when compared.</summary>
[ImageModel(Width = 32, Height = 32, Channels = 3, Backbone = Backbone.PlainCnn, BackboneBlocks = 3, BackboneWidth = 16)]
[Augment(FlipHorizontal = true, Shift = 2, Scale = 0.1)]
public partial class SkinToneRegression
{
    /// <summary>Fitzpatrick type, 1 (light) to 5 (dark).</summary>
    [Range(1, 5)] public float Tone { get; init; }
}

/// <summary>The tone as five unordered classes.</summary>
[ImageModel(Width = 32, Height = 32, Channels = 3, Backbone = Backbone.PlainCnn, BackboneBlocks = 3, BackboneWidth = 16)]
[Augment(FlipHorizontal = true, Shift = 2, Scale = 0.1)]
public partial class SkinToneClasses
{
    /// <summary>Fitzpatrick type, 1 (light) to 5 (dark).</summary>
    [Labels("1", "2", "3", "4", "5")] public string Tone { get; init; } = "1";
}
