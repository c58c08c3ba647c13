using ImageDsl;

namespace Corpus.SplitPartial;

public partial class Forest
{
    [Augment(Brightness = 0.2)]
    public partial class TreeSpotter
    {
        [Range(0, 40, Unit = "m")] public float Height { get; init; }
    }
}
