namespace ImageDsl.Images;

/// <summary>Why an encoded image was refused, so a caller (an HTTP endpoint) can answer each case differently.</summary>
public enum ImageRejection
{
    /// <summary>The bytes are not PNG, JPEG, BMP, GIF or WebP (or there are none).</summary>
    NotAnImage,

    /// <summary>The header declares more pixels than <see cref="DecodingLimits.MaxPixels"/> (an image bomb), or a zero size.</summary>
    TooManyPixels,

    /// <summary>The encoded image is over <see cref="DecodingLimits.MaxFileBytes"/>.</summary>
    TooManyBytes,

    /// <summary>A supported format whose data is truncated or damaged.</summary>
    Damaged,

    /// <summary>The image file does not exist.</summary>
    Missing,
}

/// <summary>
/// Marks the <see cref="InvalidDataException"/> the decoder throws with its <see cref="ImageRejection"/>
/// (the exception type is sealed, so the reason travels in its <see cref="Exception.Data"/>), and
/// reads it back, so a caller can answer each case differently (an HTTP endpoint: 400, 413, 415).
/// </summary>
public static class ImageRejections
{
    private const string Key = "ImageDsl.ImageRejection";

    /// <summary>Why the decoder refused the image, or null if <paramref name="error"/> (or an exception it wraps) is not such a refusal.</summary>
    public static ImageRejection? ReasonOf(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
            if (e.Data[Key] is ImageRejection reason) return reason;
        return null;
    }

    internal static InvalidDataException Create(ImageRejection reason, string message, Exception? inner = null)
    {
        var error = new InvalidDataException(message, inner);
        error.Data[Key] = reason;
        return error;
    }
}
