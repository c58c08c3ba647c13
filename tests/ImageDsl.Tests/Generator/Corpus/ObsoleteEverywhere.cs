// Obsolete types and members the generated code must use: an obsolete enum type (the
// property is obsolete too, so the user's code is quiet), an obsolete target property and
// obsolete vector members.
using System;
using ImageDsl;

namespace Corpus.ObsoleteEverywhere;

[Obsolete("Use the new scale.")]
public enum OldScale { Small, Large }

public record struct Spot(float X, float Y)
{
    [Obsolete("Use X.")] public float Left { get => X; set => X = value; }
}

public class Mark
{
    [Obsolete] public float U { get; set; }

    public float V { get; set; }
}

[ImageModel(Width = 16, Height = 16)]
public partial class Legacy
{
    [Obsolete("Use Scale2.")]
    [Labels] public OldScale Scale { get; init; }

    [Obsolete("Kept for old data.")]
    [Range(0, 10)] public float Weight { get; init; }

    [Vector] public Spot Spot { get; init; }

    [Vector] public Mark Mark { get; init; } = new();
}
