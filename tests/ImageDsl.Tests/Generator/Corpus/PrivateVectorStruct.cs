// A private nested record struct used for [Vector] (on a private property).
using ImageDsl;

namespace Corpus.PrivateVectorStruct;

[ImageModel(Width = 32, Height = 32)]
public partial class Pointer
{
    private readonly record struct Tip(float X, float Y);

    [Vector] private Tip Point { get; init; }

    /// <summary>Where the model puts the tip, for code inside the spec.</summary>
    private static (float X, float Y) Read(Prediction prediction) => (prediction.Point.X, prediction.Point.Y);
}
