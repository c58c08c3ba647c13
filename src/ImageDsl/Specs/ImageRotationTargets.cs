using System.Text.Json.Serialization;
using ImageDsl.Training;
using static TorchSharp.torch;

namespace ImageDsl.Specs;

// Targets that measure the image's own rotation (RangeAttribute.ImageRotation): rotation
// augmentation turns them with the image instead of corrupting them.

/// <summary>Turns an image-rotation value the way an augmentation turned its image.</summary>
internal static class ImageRotationRules
{
    /// <summary>How much a value in <paramref name="unit"/> changes per radian of the forward transform's turn.</summary>
    public static double PerTurnRadian(RotationSense sense, string? unit)
    {
        var perRadian = AngleUnits.PerRadian(unit) ?? throw new InvalidOperationException($"'{unit}' is not an angle unit.");
        // The forward transform acts on pixel coordinates whose y axis points down, so its
        // positive turn looks clockwise on screen.
        return sense == RotationSense.Clockwise ? perRadian : -perRadian;
    }

    /// <summary>The values after each image was mirrored (v → −v) and turned.</summary>
    public static Tensor Turn(Tensor values, Tensor pixelTransforms, double perTurnRadian)
    {
        var (turn, flip) = Augment.Decompose(pixelTransforms);
        return flip.unsqueeze(1) * values + turn.unsqueeze(1) * perTurnRadian;
    }

    /// <summary>Refuses an image rotation declared on a value that is not an angle.</summary>
    public static void Check(string name, RotationSense sense, string? unit)
    {
        if (sense != RotationSense.None && !AngleUnits.IsAngle(unit))
            throw new ArgumentException($"{name}: ImageRotation needs an angle unit (degrees or radians), not '{unit}'.", nameof(unit));
    }
}
