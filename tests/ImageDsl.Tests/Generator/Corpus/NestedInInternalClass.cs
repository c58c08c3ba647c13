// A public spec nested in an internal class, with internal and public target types: the
// container already limits everything to the assembly.
using ImageDsl;

namespace Corpus.NestedInInternalClass;

internal enum Grade { Low, High }

internal static partial class Station
{
    public enum Weather { Sun, Rain, Snow }

    [ImageModel(Width = 16, Height = 16, Channels = 1)]
    public partial class Camera
    {
        [Labels] public Grade Grade { get; init; }

        [Labels] public Weather Weather { get; init; }
    }
}
