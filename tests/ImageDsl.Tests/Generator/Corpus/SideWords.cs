// Labels that contain "left" or "right" inside another word, with FlipHorizontal: Upright,
// Bright, Copyright, Cleft and Leftover name no side. A temperature in degrees Celsius with Rotation.
using ImageDsl;

namespace Corpus.SideWords;

public enum Pose { Upright, Lying, Fallen }

public enum Light { Bright, Dim, Dark }

public enum Stamp { Copyright, Cleft, Leftover, Plain }

[ImageModel(Width = 32, Height = 32)]
[Augment(FlipHorizontal = true, Rotation = 15, Shift = 2)]
public partial class Scene
{
    [Labels] public Pose Pose { get; init; }

    [Labels] public Light Light { get; init; }

    [Labels] public Stamp Stamp { get; init; }

    [Labels("Wright", "Albright")] public bool Signed { get; init; }

    [Range(-20, 50, Unit = "degrees Celsius")] public float Temperature { get; init; }

    [Value(Unit = "°F")] public double Outside { get; init; }

    [Range(0, 40, Unit = "degC")] public float Water { get; init; }
}
