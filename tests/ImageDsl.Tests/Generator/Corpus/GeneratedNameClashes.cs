// Names that meet the generated ones: types named Model, Network, Prediction and Binding
// used (qualified) as target types, a containing type named Prediction, targets named like
// the generated code's locals and parameters, and label members named like object's members.
using ImageDsl;

namespace Corpus.GeneratedNameClashes;

public enum Network { Wired, Wireless }

public enum Prediction { Sunny, Rainy }

public readonly record struct Binding(float Left, float Right);

public enum ObjectLike { ToString, Equals, GetHashCode, GetType, value, labels }

public partial class Model
{
    [ImageModel(Width = 16, Height = 16)]
    public partial class Reader
    {
        [Labels] public global::Corpus.GeneratedNameClashes.Network Link { get; init; }

        [Labels] public Corpus.GeneratedNameClashes.Prediction Forecast { get; init; }

        [Vector] public global::Corpus.GeneratedNameClashes.Binding Strap { get; init; }

        [Labels] public ObjectLike Method { get; init; }

        [Range(0, 1)] public float labels { get; init; }

        [Range(0, 1)] public float encoded { get; init; }

        [Labels] public bool ok { get; init; }

        [Range(0, 1)] public float cells { get; init; }

        [Range(0, 1)] public float outputs { get; init; }

        [Range(0, 1)] public float t0 { get; init; }

        [Range(0, 1)] public float value { get; init; }

        [Range(0, 1)] public float images { get; init; }

        [Range(0, 1)] public float features { get; init; }

        [Range(0, 1)] public float backbone { get; init; }

        [Range(0, 1)] public float Instance { get; init; }

        [Range(0, 1)] public float Columns { get; init; }
    }
}
