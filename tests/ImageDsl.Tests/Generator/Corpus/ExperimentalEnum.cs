// An [Experimental] enum (and member) the user opted into in their own file.
using System.Diagnostics.CodeAnalysis;
using ImageDsl;

namespace Corpus.ExperimentalEnum;

[Experimental("CORPUSEXP01")]
public enum Flavour { Sweet, Sour, Bitter }

public enum Texture { Smooth, [Experimental("CORPUSEXP02")] Crunchy, Soft }

#pragma warning disable CORPUSEXP01, CORPUSEXP02
[ImageModel(Width = 16, Height = 16)]
public partial class Taster
{
    [Labels] public Flavour Flavour { get; init; }

    [Labels] public Texture Texture { get; init; }
}
#pragma warning restore CORPUSEXP01, CORPUSEXP02
