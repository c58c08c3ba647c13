namespace ImageDsl.Examples;

/// <summary>The ten MNIST digits; the numeric values let folders named 0..9 map onto them.</summary>
public enum Digit { Zero = 0, One = 1, Two = 2, Three = 3, Four = 4, Five = 5, Six = 6, Seven = 7, Eight = 8, Nine = 9 }

/// <summary>Classification: which digit a 28x28 grayscale image shows.</summary>
[ImageModel(Width = 28, Height = 28, Channels = 1)]
public partial class DigitClassifier
{
    /// <summary>The digit.</summary>
    [Labels] public Digit Digit { get; init; }
}

/// <summary>Regression: how far a digit was rotated.</summary>
[ImageModel(Width = 28, Height = 28, Channels = 1)]
public partial class RotationEstimator
{
    /// <summary>The rotation, degrees, counter-clockwise positive.</summary>
    [Range(-45, 45, Unit = "degrees")] public float Angle { get; init; }
}
