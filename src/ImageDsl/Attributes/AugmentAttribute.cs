namespace ImageDsl;

/// <summary>
/// Declares the augmentation a spec trains with: random changes to each training image, drawn
/// per image from the training seed. The properties mirror <see cref="Training.Augmentation"/>;
/// the generator writes them into the spec's static <c>Augmentation</c> property, which training
/// uses whenever <see cref="Training.TrainingOptions.Augmentation"/> is not set (an explicit one,
/// <see cref="Training.Augmentation.None"/> included, wins). The analyzer checks the values and
/// refuses an augmentation that would corrupt a target: rotating images whose target is an angle,
/// flipping images whose labels name a side, moving images whose target is a vector of positions,
/// or mixing images (Mixup, CutMix) whose targets are not all labels.
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

    /// <summary>
    /// Crop a random part of each image and stretch it back to the input size, as torchvision's
    /// RandomResizedCrop (area share in [<see cref="CropScaleMin"/>, <see cref="CropScaleMax"/>], width over
    /// height log-uniform in [<see cref="CropRatioMin"/>, <see cref="CropRatioMax"/>]); boxes, points,
    /// declared rotations, maps and masks follow the crop.
    /// </summary>
    public bool RandomResizedCrop { get; set; }

    /// <summary>Smallest share of the image's area a random resized crop keeps, in (0, 1]; torchvision's default 0.08.</summary>
    public double CropScaleMin { get; set; } = 0.08;

    /// <summary>Largest share of the image's area a random resized crop keeps, in (0, 1]; default 1.</summary>
    public double CropScaleMax { get; set; } = 1.0;

    /// <summary>Smallest width-to-height ratio of a random resized crop; default 3/4.</summary>
    public double CropRatioMin { get; set; } = 3.0 / 4.0;

    /// <summary>Largest width-to-height ratio of a random resized crop; default 4/3.</summary>
    public double CropRatioMax { get; set; } = 4.0 / 3.0;

    /// <summary>Torchvision ColorJitter brightness: pixels times a factor uniform in [max(0, 1 - x), 1 + x]; not negative.</summary>
    public double JitterBrightness { get; set; }

    /// <summary>Torchvision ColorJitter contrast: blend with the mean grey level by a factor uniform in [max(0, 1 - x), 1 + x]; not negative.</summary>
    public double JitterContrast { get; set; }

    /// <summary>Torchvision ColorJitter saturation: blend with the greyscale image by a factor uniform in [max(0, 1 - x), 1 + x]; not negative. No effect on one-channel images.</summary>
    public double JitterSaturation { get; set; }

    /// <summary>Torchvision ColorJitter hue: turn the hue by a share of the colour wheel uniform in [-x, x], in [0, 0.5]. No effect on one-channel images.</summary>
    public double JitterHue { get; set; }

    /// <summary>Mixup: blend pairs of images and their labels by a share drawn from Beta(alpha, alpha) with this alpha (0.2 is usual; 0 is off). Labels-only specs.</summary>
    public double Mixup { get; set; }

    /// <summary>CutMix: paste a rectangle of another image, labels mixed by area, the share drawn from Beta(alpha, alpha) with this alpha (1 is usual; 0 is off). Labels-only specs.</summary>
    public double CutMix { get; set; }
}
