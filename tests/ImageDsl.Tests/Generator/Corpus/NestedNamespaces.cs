// Block-scoped nested namespaces, two specs with the same simple name in sibling namespaces,
// and one in a namespace named like a generated member.
using ImageDsl;

namespace Corpus.NestedNamespaces
{
    public enum Coin { Heads, Tails }

    namespace East
    {
        [ImageModel(Width = 16, Height = 16)]
        public partial class Flipper { [Labels] public Coin Coin { get; init; } }
    }

    namespace West
    {
        [ImageModel(Width = 16, Height = 16)]
        public partial class Flipper { [Labels] public Coin Coin { get; init; } }

        namespace Model.Prediction
        {
            [ImageModel(Width = 16, Height = 16)]
            public partial class Net { [Labels] public Coin Coin { get; init; } }
        }
    }
}
