// One spec declared over three files: the attribute on one part, targets on two, [Augment]
// on another, and nested inside a containing type split over files too.
using ImageDsl;

namespace Corpus.SplitPartial;

public enum Species { Oak, Birch, Pine }

public partial class Forest
{
    [ImageModel(Width = 32, Height = 32)]
    public partial class TreeSpotter
    {
        [Labels] public Species Species { get; init; }
    }
}
