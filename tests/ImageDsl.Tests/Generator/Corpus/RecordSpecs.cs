// Record specs: positional with [property:] targets, with init-only members, sealed, and one
// whose positional parameter names differ in case from the properties.
using ImageDsl;

namespace Corpus.RecordSpecs;

public enum Suit { Hearts, Spades }

[ImageModel(Width = 16, Height = 16)]
public partial record Card([property: Labels] Suit Suit, [property: Range(1, 13)] float Rank);

[ImageModel(Width = 16, Height = 16)]
public sealed partial record Deck
{
    [Labels] public Suit Top { get; init; }

    [Value(Unit = "cards")] public double Count { get; init; }
}

[ImageModel(Width = 16, Height = 16)]
public partial class Hand(Suit suit, float rank)
{
    [Labels] public Suit Suit { get; } = suit;

    [Range(1, 13)] public float Rank { get; } = rank;
}
