// Specs nested as protected, private protected and protected internal types, with a
// protected enum of the container.
using ImageDsl;

namespace Corpus.ProtectedNesting;

public partial class Host
{
    protected enum Side { Front, Back }

    [ImageModel(Width = 16, Height = 16)]
    protected partial class Inner
    {
        [Labels] protected Side Side { get; init; }
    }

    [ImageModel(Width = 16, Height = 16)]
    private protected partial class Narrow
    {
        [Labels] public bool Open { get; init; }
    }

    [ImageModel(Width = 16, Height = 16)]
    protected internal partial class Wide
    {
        [Labels] private Side Side { get; init; }
    }
}
