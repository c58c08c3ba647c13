// Specs built through constructors: required members set by a [SetsRequiredMembers]
// constructor, optional extra parameters, a private parameterless constructor, and
// get-only targets.
using System.Diagnostics.CodeAnalysis;
using ImageDsl;

namespace Corpus.ConstructorSpecs;

public enum Tone { Warm, Cold }

[ImageModel(Width = 16, Height = 16)]
public partial class WithRequired
{
    [SetsRequiredMembers]
    public WithRequired(Tone tone, string note = "none") { Tone = tone; Note = note; }

    [Labels] public Tone Tone { get; }

    public required string Note { get; init; }
}

[ImageModel(Width = 16, Height = 16)]
public partial class PrivateDefault
{
    private PrivateDefault() { }

    [Labels] public Tone Tone { get; private set; }

    [Range(0, 1)] public float Level { get; protected set; }
}

[ImageModel(Width = 16, Height = 16)]
public partial class RequiredTargets
{
    [Labels] public required Tone Tone { get; init; }

    [Labels] public required bool Lit { get; set; }
}
