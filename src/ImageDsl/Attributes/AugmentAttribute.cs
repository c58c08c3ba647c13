namespace ImageDsl;

/// <summary>
/// Declares the augmentation a spec trains with: random changes to each training image, drawn
/// per image from the training seed. The properties mirror <see cref="Training.Augmentation"/>;
/// the generator writes them into the spec's static <c>Augmentation</c> property, which training
/// uses whenever <see cref="Training.TrainingOptions.Augmentation"/> is not set (an explicit one,
/// <see cref="Training.Augmentation.None"/> included, wins). The analyzer checks the values and
/// refuses an augmentation that would corrupt a target: rotating images whose target is an angle,
/// flipping images whose labels name a side, or moving images whose target is a vector of positions.
/// </summary>
/// <example>
/// <code>
/// [ImageModel(Width = 28, Height = 28, Channels = 1)]
/// [Augment(Shift = 2, Rotation = 10, Brightness = 0.1)]
/// public partial class DigitClassifier
/// {
///     [Labels] public Digit Digit { get; init; }
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class AugmentAttribute : Attribute
{
    /// <summary>Largest shift in pixels, in x and in y (uniform in [-Shift, Shift], rounded to whole pixels); not negative.</summary>
    public double Shift { get; set; }

    /// <summary>Largest rotation in degrees (uniform in [-Rotation, Rotation]), in [0, 180].</summary>
    public double Rotation { get; set; }

    /// <summary>Largest relative scale change (uniform in [1 - Scale, 1 + Scale]), in [0, 1).</summary>
    public double Scale { get; set; }

    /// <summary>Mirror left-right with probability one half.</summary>
    public bool FlipHorizontal { get; set; }

    /// <summary>Largest brightness change, as a fraction of full scale (uniform in [-Brightness, Brightness]), in [0, 1].</summary>
    public double Brightness { get; set; }

    /// <summary>Largest relative contrast change (uniform in [1 - Contrast, 1 + Contrast]), in [0, 1).</summary>
    public double Contrast { get; set; }

    /// <summary>Standard deviation of added Gaussian pixel noise, as a fraction of full scale, in [0, 1].</summary>
    public double Noise { get; set; }
}
