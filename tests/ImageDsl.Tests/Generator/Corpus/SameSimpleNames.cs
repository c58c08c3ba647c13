// Specs with one simple name in different containers, enums with one name in different
// namespaces, and targets named like the enums of other specs.
using ImageDsl;

namespace Corpus.SameSimpleNames.A
{
    public enum Kind { One, Two }
}

namespace Corpus.SameSimpleNames.B
{
    public enum Kind { Three, Four }
}

namespace Corpus.SameSimpleNames
{
    public partial class First
    {
        [ImageModel(Width = 16, Height = 16)]
        public partial class Reader { [Labels] public A.Kind Kind { get; init; } }
    }

    public partial class Second
    {
        [ImageModel(Width = 16, Height = 16)]
        public partial class Reader { [Labels] public B.Kind Kind { get; init; } }
    }

    [ImageModel(Width = 16, Height = 16)]
    public partial class Reader
    {
        [Labels] public A.Kind A { get; init; }

        [Labels] public B.Kind B { get; init; }
    }
}
