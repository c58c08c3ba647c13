namespace ImageDsl.Tests.Generator.Fixtures;

/// <summary>A shape in a smoke-test image.</summary>
public enum SmokeShape { Circle, Square, Triangle }

/// <summary>
/// A spec compiled by the real build: the generator runs as this project's analyzer, so
/// this class gets its generated members exactly as a user's spec does.
/// </summary>
[ImageModel(Width = 16, Height = 12, Channels = 3)]
public partial class SmokeSpec
{
    /// <summary>The shape shown.</summary>
    [Labels] public SmokeShape Shape { get; init; }

    /// <summary>Its size.</summary>
    [Range(0, 10, Unit = "px")] public float Size { get; init; }
}
