// Multi-label targets of every set type, internal enums, and [Flags] with a combined alias
// that is obsolete (so not a label).
using System;
using System.Collections.Generic;
using ImageDsl;

namespace Corpus.MultiLabelSets;

internal enum Tag { Red, Round, Shiny }

[Flags]
public enum Feature { Wheels = 1, Wings = 2, Sails = 4 }

[ImageModel(Width = 16, Height = 16)]
internal partial class Tagger
{
    [Labels] public IReadOnlySet<Tag> A { get; init; } = new HashSet<Tag>();
    [Labels] public ISet<Tag> B { get; init; } = new HashSet<Tag>();
    [Labels] public HashSet<Tag> C { get; init; } = [];
    [Labels] public IReadOnlyCollection<Tag> D { get; init; } = [];
    [Labels] public ICollection<Tag> E { get; init; } = [];
    [Labels] public IEnumerable<Tag> F { get; init; } = [];
    [Labels(Thresholds = [0.4, 0.5, 0.6], PositiveWeights = [1, 2, 3])] public Feature G { get; init; }
}
