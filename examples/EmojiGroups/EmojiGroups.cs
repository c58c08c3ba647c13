namespace ImageDsl.Examples;

/// <summary>Unicode's nine emoji groups (emoji-test.txt 15.0); folders named after them, in any case, map onto them.</summary>
public enum EmojiGroup { Smileys, People, Animals, Food, Travel, Activities, Objects, Symbols, Flags }

/// <summary>Which of Unicode's nine groups an emoji's artwork belongs to.</summary>
/// <remarks>
/// The groups are by meaning, not looks, and the test split holds emoji never seen in any
/// variant, so the model has to learn what a face, an animal or a flag looks like in general.
/// Colour carries meaning here (yellow faces, skin tones, flag colours), so training only moves
/// the image (mirror, shift, zoom) and never jitters its colours; a mirrored emoji is still the
/// same emoji (Noto draws most of them facing either way).
/// </remarks>
[ImageModel(Width = 32, Height = 32, Channels = 3, Backbone = Backbone.PlainCnn, BackboneBlocks = 3, BackboneWidth = 32)]
[Augment(FlipHorizontal = true, Shift = 2, Scale = 0.1)]
public partial class EmojiGroups
{
    /// <summary>The group.</summary>
    [Labels] public EmojiGroup Group { get; init; }
}
