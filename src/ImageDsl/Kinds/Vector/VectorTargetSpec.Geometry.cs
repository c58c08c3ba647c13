using System.Text.Json.Serialization;
using ImageDsl.Training;
using static TorchSharp.torch;

namespace ImageDsl.Specs;

// How boxes and keypoints follow an image that augmentation shifted, rotated, scaled or flipped.
//
// Coordinates are read in the frame the spec declares: with Min and Max, [Min, Max] spans the
// image along each axis (so 0..64 on a 64-pixel image is pixels, 0..1 is fractions of the
// image); without them, they are pixels of the declared input size.
public sealed partial record VectorTargetSpec
{
    /// <inheritdoc />
    [JsonIgnore]
    public bool MovesWithImage => Box is not null || Points;

    /// <inheritdoc />
    public Tensor Move(Tensor encoded, Tensor pixelTransforms, InputSpec input)
    {
        if (!MovesWithImage)
            throw new InvalidOperationException($"{Name} is a plain vector; only boxes and points move with the image.");
        var (scaleX, scaleY, offset) = PixelFrame(input);
        var toPixels = tensor(new[] { scaleX, scaleY }, device: encoded.device).reshape(1, 1, 2);

        long n = encoded.shape[0];
        var points = Box is null ? encoded.reshape(n, -1, 2) : Corners(encoded, Box.Value);
        var moved = Augment.TransformPoints((points - offset) * toPixels, pixelTransforms, input) / toPixels + offset;

        if (Box is null)
        {
            // Points that leave the image keep their position unless the spec bounds them.
            var flat = moved.reshape(n, -1);
            return IsBounded ? flat.clamp((float)Min!.Value, (float)Max!.Value) : flat;
        }

        // The moved box is the smallest upright box around its moved corners (exact for shifts,
        // scales and flips; a rotation widens it), cut to the image the model sees.
        var low = moved.amin(1);  // [N, 2]
        var high = moved.amax(1);
        var (lowestX, highestX) = (offset, offset + input.Width / scaleX);
        var (lowestY, highestY) = (offset, offset + input.Height / scaleY);
        var x1 = low[.., 0].clamp(lowestX, highestX);
        var y1 = low[.., 1].clamp(lowestY, highestY);
        var x2 = high[.., 0].clamp(lowestX, highestX);
        var y2 = high[.., 1].clamp(lowestY, highestY);
        return Box.Value == BoxFormat.XYWH
            ? stack([x1, y1, x2 - x1, y2 - y1], 1)
            : stack([x1, y1, x2, y2], 1);
    }

    /// <summary>Pixels per target unit along x and y, and the target value at the image's top-left corner.</summary>
    private (float ScaleX, float ScaleY, float Offset) PixelFrame(InputSpec input)
    {
        if (!IsBounded) return (1f, 1f, 0f);
        var span = (float)(Max!.Value - Min!.Value);
        return (input.Width / span, input.Height / span, (float)Min.Value);
    }

    /// <summary>The four corners <c>[N, 4, 2]</c> of each box.</summary>
    private static Tensor Corners(Tensor boxes, BoxFormat format)
    {
        var x1 = boxes[.., 0];
        var y1 = boxes[.., 1];
        var x2 = format == BoxFormat.XYWH ? x1 + boxes[.., 2] : boxes[.., 2];
        var y2 = format == BoxFormat.XYWH ? y1 + boxes[.., 3] : boxes[.., 3];
        return stack([stack([x1, y1], 1), stack([x2, y1], 1), stack([x1, y2], 1), stack([x2, y2], 1)], 1);
    }
}
