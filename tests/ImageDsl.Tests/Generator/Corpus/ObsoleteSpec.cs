// A spec class that is itself obsolete, using members that are obsolete as errors: inside
// an obsolete type nothing is reported.
using System;
using ImageDsl;

namespace Corpus.ObsoleteSpec;

public enum Phase { [Obsolete("gone", true)] Old, New, Next }

[Obsolete("Replaced by Meter2.")]
[ImageModel(Width = 16, Height = 16)]
public partial class Meter
{
    [Labels] public Phase Phase { get; init; }
}
