// Containing types and a namespace named like the generated members (Spec, Binding, Model,
// Augmentation), and a spec class whose enum is nested in one of them.
using ImageDsl;

namespace Corpus.ContainersNamedLikeMembers.Binding;

public partial class Spec
{
    public partial class Augmentation
    {
        public enum Model { Small, Large }

        [ImageModel(Width = 16, Height = 16)]
        [Augment(Noise = 0.01)]
        public partial class Reader
        {
            [Labels] public global::Corpus.ContainersNamedLikeMembers.Binding.Spec.Augmentation.Model Size { get; init; }
        }
    }
}
