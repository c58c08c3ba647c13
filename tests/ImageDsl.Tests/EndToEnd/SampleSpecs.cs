namespace ImageDsl.Tests.EndToEnd;

public enum Digit { Zero = 0, One = 1, Two = 2, Three = 3, Four = 4, Five = 5, Six = 6, Seven = 7, Eight = 8, Nine = 9 }

/// <summary>Generated like a user's spec: the tests exercise the real generator output.</summary>
[ImageModel(Width = 28, Height = 28, Channels = 1)]
public partial class SampleDigits
{
    [Labels] public Digit Digit { get; init; }
}

[ImageModel(Width = 28, Height = 28, Channels = 1)]
public partial class SampleRotation
{
    [Range(-45, 45, Unit = "degrees")] public float Angle { get; init; }
}
