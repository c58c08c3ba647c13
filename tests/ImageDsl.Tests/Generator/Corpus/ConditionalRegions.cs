// #if regions around targets, attributes and members: the generator sees the active branch.
using ImageDsl;

namespace Corpus.ConditionalRegions;

public enum Signal { Stop, Go }

[ImageModel(Width = 16, Height = 16)]
public partial class Lights
{
#if NEVER_DEFINED
    [Labels] public Signal Broken { get; init; }
    this will not compile
#else
    [Labels] public Signal Signal { get; init; }
#endif

#if DEBUG || RELEASE || !DEBUG
    [Range(0, 1)] public float Brightness { get; init; }
#endif

#region helpers
    /// <summary>A member inside a region.</summary>
    public bool IsGo => Signal == Signal.Go;
#endregion
}
