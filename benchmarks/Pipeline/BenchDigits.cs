namespace ImageDsl.Benchmarks.Pipeline;

/// <summary>The ten digits; folder names 0..9 map onto the members' values.</summary>
public enum Digit { Zero, One, Two, Three, Four, Five, Six, Seven, Eight, Nine }

/// <summary>The benchmark's spec: the digit classifier of the examples.</summary>
[ImageModel(Width = 28, Height = 28, Channels = 1)]
public partial class BenchDigits
{
    /// <summary>The digit.</summary>
    [Labels] public Digit Digit { get; init; }
}
