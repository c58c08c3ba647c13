// A positional record spec deriving from a positional record that declares a target.
using ImageDsl;

namespace Corpus.BaseRecordTargets;

public enum Kind { Cat, Dog }

public abstract record Animal([property: Labels] Kind Kind);

[ImageModel(Width = 32, Height = 32)]
public sealed partial record Pet(Kind Kind, [property: Range(0, 30, Unit = "kg")] float Weight) : Animal(Kind);
