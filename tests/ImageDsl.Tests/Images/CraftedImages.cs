using System.Buffers.Binary;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace ImageDsl.Tests.Images;

/// <summary>Builds valid and deliberately broken image files for decoder tests.</summary>
internal static class CraftedImages
{
    public static byte[] Png<TPixel>(Image<TPixel> image, PngEncoder? encoder = null) where TPixel : unmanaged, IPixel<TPixel>
    {
        using var stream = new MemoryStream();
        image.SaveAsPng(stream, encoder ?? new PngEncoder());
        return stream.ToArray();
    }

    /// <summary>A 28x28 grey PNG with a bright square, the kind of file a dataset holds.</summary>
    public static byte[] ValidPng()
    {
        using var image = new Image<L8>(28, 28);
        for (int y = 8; y < 20; y++) for (int x = 8; x < 20; x++) image[x, y] = new L8(255);
        return Png(image);
    }

    /// <summary>The offset of the first chunk of <paramref name="type"/> (its length field).</summary>
    public static int FindChunk(byte[] png, string type)
    {
        int position = 8;
        while (position + 8 <= png.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(position));
            if (System.Text.Encoding.ASCII.GetString(png, position + 4, 4) == type) return position;
            position += 12 + length;
        }
        throw new InvalidOperationException($"no {type} chunk");
    }

    /// <summary>A PNG whose header claims <paramref name="width"/> x <paramref name="height"/> pixels, with a correct CRC.</summary>
    public static byte[] PngClaimingSize(int width, int height)
    {
        var png = ValidPng();
        int ihdr = FindChunk(png, "IHDR");
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(ihdr + 8), width);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(ihdr + 12), height);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(ihdr + 8 + 13), Crc32(png.AsSpan(ihdr + 4, 4 + 13)));
        return png;
    }

    public static uint Crc32(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (var b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
