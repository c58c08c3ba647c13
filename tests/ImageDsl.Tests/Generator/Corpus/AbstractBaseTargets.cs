// An abstract base class declaring abstract and virtual targets that the spec overrides, a
// protected internal target with a protected setter, and a base target hidden by the spec.
using ImageDsl;

namespace Corpus.AbstractBaseTargets;

public enum Colour { Red, Blue }

public abstract class Painted
{
    [Labels] public abstract Colour Colour { get; init; }

    [Range(0, 1)] public virtual float Gloss { get; init; }

    [Labels] protected internal bool Wet { get; protected set; }

    [Range(0, 5)] public float Layers { get; init; }
}

[ImageModel(Width = 16, Height = 16)]
public partial class Wall : Painted
{
    public override Colour Colour { get; init; }

    [Range(0, 2)] public override float Gloss { get; init; }

    /// <summary>Hides the base's target: not a target of the spec.</summary>
    public new int Layers { get; init; }
}
