// A spec nested in a private class with a private enum of the outer type.
using ImageDsl;

namespace Corpus.NestedInPrivateClass;

public partial class Factory
{
    private enum Part { Bolt, Nut, Washer }

    private partial class Line
    {
        [ImageModel(Width = 16, Height = 16)]
        internal partial class Sorter
        {
            [Labels] private Part Part { get; init; }
        }
    }

    /// <summary>Uses the model from inside the outer type.</summary>
    public static int LabelCount() => Line.Sorter.Spec.Targets.Count;
}
