// An [Experimental] spec class using an experimental vector type: nothing to suppress inside it.
using System.Diagnostics.CodeAnalysis;
using ImageDsl;

namespace Corpus.ExperimentalSpec;

[Experimental("CORPUSEXP03")]
public readonly record struct Probe(float A, float B);

[Experimental("CORPUSEXP03")]
[ImageModel(Width = 16, Height = 16)]
public partial class Prototype
{
    [Vector] public Probe Probe { get; init; }
}
