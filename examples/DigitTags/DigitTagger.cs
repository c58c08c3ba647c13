namespace ImageDsl.Examples;

/// <summary>Properties of a handwritten digit; any combination can hold at once.</summary>
[Flags]
public enum DigitTags
{
    /// <summary>0, 2, 4, 6, 8.</summary>
    Even = 1,

    /// <summary>5 to 9.</summary>
    GreaterThanFour = 2,

    /// <summary>A closed loop in the usual shape: 0, 6, 8, 9.</summary>
    HasLoop = 4,
}

/// <summary>The tags of a 28x28 grayscale digit: a multi-label model (one logit and one threshold per tag).</summary>
[ImageModel(Width = 28, Height = 28, Channels = 1)]
public partial class DigitTagger
{
    /// <summary>The tags.</summary>
    [Labels(Metrics = Metric.SubsetAccuracy | Metric.HammingLoss | Metric.F1)] public DigitTags Tags { get; init; }

    /// <summary>The tags a digit has, by definition.</summary>
    public static DigitTags TagsOf(int digit) =>
        (digit % 2 == 0 ? DigitTags.Even : 0) |
        (digit > 4 ? DigitTags.GreaterThanFour : 0) |
        (digit is 0 or 6 or 8 or 9 ? DigitTags.HasLoop : 0);
}
