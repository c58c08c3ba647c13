// The spec's namespace declares types named like the runtime's namespaces and types, System
// types and generated members: the generated code must still mean the real ones.
using ImageDsl;

namespace Corpus.ShadowingTypes
{
    public enum Label { A, B }

    public class TorchSharp { }

    public class ImageDsl { }

    public class System { }

    public class Span { }

    public class HashSet { }

    public class Enumerable { }

    public class ArgumentException { }

    public class Model { }

    public class Spec { }

    [global::ImageDsl.ImageModel(Width = 16, Height = 16)]
    public partial class Shadowed
    {
        [global::ImageDsl.Labels] public Label Label { get; init; }

        [global::ImageDsl.Labels] public global::System.Collections.Generic.ISet<Label> Set { get; init; } = new global::System.Collections.Generic.HashSet<Label>();

        [global::ImageDsl.Vector(Length = 2)] public float[] Pair { get; init; } = [];
    }
}
