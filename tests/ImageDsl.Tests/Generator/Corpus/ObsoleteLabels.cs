// A label enum with obsolete members: a warning-level one (kept as a label), one with a
// message, one with its own diagnostic ID, an error-level one (not a label) and an obsolete
// alias of a current member (not a label either).
using System;
using ImageDsl;

namespace Corpus.ObsoleteLabels;

public enum Fruit
{
    Apple,
    [Obsolete] Banana,
    [Obsolete("Sold out.")] Cherry,
    [Obsolete("Use Date.", DiagnosticId = "FRUIT001")] Dates,
    [Obsolete("Never again.", true)] Durian,
    Date,
    [Obsolete("Misspelt; use Apple.")] Aple = Apple,
}

[Flags]
public enum Topping
{
    Cream = 1,
    [Obsolete("Discontinued.")] Sprinkles = 2,
    [Obsolete("Banned.", error: true)] Gold = 4,
    Nuts = 8,
}

[ImageModel(Width = 16, Height = 16)]
public partial class FruitStand
{
    [Labels] public Fruit Fruit { get; init; }

    [Labels] public Topping Toppings { get; init; }
}
