using ImageDsl;

namespace ImageDsl.Examples.Serving;

/// <summary>The digit a 28x28 grey image shows; the explicit values let label folders be named 0..9.</summary>
public enum Digit { Zero = 0, One = 1, Two = 2, Three = 3, Four = 4, Five = 5, Six = 6, Seven = 7, Eight = 8, Nine = 9 }

/// <summary>The served model's spec.</summary>
[ImageModel(Width = 28, Height = 28, Channels = 1)]
public partial class ServedDigit
{
    /// <summary>The digit.</summary>
    [Labels] public Digit Digit { get; init; }
}
