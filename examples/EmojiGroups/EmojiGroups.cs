namespace ImageDsl.Examples;

/// <summary>Unicode's nine emoji groups (emoji-test.txt 15.0); folders named after them, in any case, map onto them.</summary>
public enum EmojiGroup { Smileys, People, Animals, Food, Travel, Activities, Objects, Symbols, Flags }

/// <summary>Which of Unicode's nine groups an emoji's artwork belongs to.</summary>
/// <remarks>
/// The groups are by meaning, not looks, and the test split holds emoji never seen in any
/// variant, so the model has to learn what a face, an animal or a flag looks like in general.
/// Colour carries meaning here (yellow faces, skin tones, flag colours), so training never jitters
/// colours; it only mirrors (a mirrored emoji is still the same emoji: Noto draws many facing either
/// way). 48x48 keeps more detail than 32x32 for about twice the cost; a shift and zoom, label
/// smoothing, and crops with Mixup / CutMix did not help on the held-out bases (README.md).
/// </remarks>
[ImageModel(Width = 48, Height = 48, Channels = 3, Backbone = Backbone.PlainCnn, BackboneBlocks = 4, BackboneWidth = 32)]
[Augment(FlipHorizontal = true)]
public partial class EmojiGroups
{
    /// <summary>The group.</summary>
    [Labels] public EmojiGroup Group { get; init; }
}
