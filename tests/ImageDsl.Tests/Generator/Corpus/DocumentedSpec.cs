// A fully documented spec with <inheritdoc/>, <see cref> to generated members and a
// <remarks> block: the user's docs and the generated ones must live together.
using ImageDsl;

namespace Corpus.DocumentedSpec;

/// <summary>Two sides of a coin.</summary>
public enum Face
{
    /// <summary>The head.</summary>
    Heads,

    /// <summary>The tail.</summary>
    Tails,
}

/// <summary>Reads a coin; train it with <see cref="Model.Create"/>, predictions are <see cref="Prediction"/>s.</summary>
/// <remarks>Labels are listed in <see cref="FaceLabels"/>; the spec is <see cref="Spec"/>.</remarks>
[ImageModel(Width = 16, Height = 16)]
public partial class CoinReader
{
    /// <summary>Which face is up.</summary>
    [Labels] public Face Face { get; init; }

    /// <inheritdoc/>
    public override string ToString() => Face.ToString();
}
