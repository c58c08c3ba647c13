using ImageDsl;

namespace ImageDsl.Benchmarks.BatchPrediction;

/// <summary>The digit a 28x28 grey image shows.</summary>
public enum Digit { Zero = 0, One = 1, Two = 2, Three = 3, Four = 4, Five = 5, Six = 6, Seven = 7, Eight = 8, Nine = 9 }

/// <summary>The benchmark's model: the examples' digit spec (SmallCnn, 28x28x1), as the PyTorch side's network.</summary>
[ImageModel(Width = 28, Height = 28, Channels = 1)]
public partial class BenchDigit
{
    /// <summary>The digit.</summary>
    [Labels] public Digit Digit { get; init; }
}
