using System.Runtime.InteropServices;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SkiaSharp;

namespace ImageDsl.Reports;

/// <summary>A colour scale beside a panel: <see cref="Colour"/> maps [0, 1] (Min to Max) to a colour; ticks name values in <see cref="Unit"/>.</summary>
internal sealed record ColourBar(double Min, double Max, string? Unit, Func<double, Rgb24> Colour);

/// <summary>One picture of a row, its label under it and, optionally, its colour bar to its right; a null picture could not be read.</summary>
internal sealed record DensePanel(string Label, Image<Rgb24>? Picture, ColourBar? Bar = null);

/// <summary>One image's row: a caption over its panels.</summary>
internal sealed record DenseRow(string Caption, IReadOnlyList<DensePanel> Panels);

/// <summary>Where each row's panels were drawn, in the PNG's pixels, for tests to look at.</summary>
internal sealed record DenseSheetLayout(int Width, int Height, IReadOnlyList<IReadOnlyList<Rectangle>> Boxes);

/// <summary>
/// Draws a dense target's worst images, one row each (the input, truth, prediction and error
/// panels its kind makes), to a PNG. Every panel of a row is drawn in one box the map's shape:
/// scaled up by a whole factor with sharp pixels (a map's pixels are what was predicted), down
/// smoothly. SkiaSharp draws, as for the contact sheets.
/// </summary>
internal static class DenseSheet
{
    /// <summary>The longer side of a panel, at most (a map this size or smaller is scaled up by a whole factor to near it).</summary>
    public const int PanelSide = 192;

    private const int Gap = 14;
    private const int BarWidth = 14;
    private const float CaptionSize = 14;
    private const float TickSize = 12;
    private const float TitleSize = 20;

    private static readonly SKColor Ink = new(0x20, 0x20, 0x20);
    private static readonly SKColor Frame = new(0xB0, 0xB0, 0xB0);

    /// <summary>The box every panel of a <paramref name="width"/> x <paramref name="height"/> map is drawn in.</summary>
    public static (int Width, int Height) Box(int width, int height)
    {
        int side = Math.Max(width, height);
        double f = side <= PanelSide ? Math.Floor((double)PanelSide / side) : (double)PanelSide / side;
        return (Math.Max(1, (int)Math.Round(width * f)), Math.Max(1, (int)Math.Round(height * f)));
    }

    public static DenseSheetLayout Save(string title, IReadOnlyList<DenseRow> rows, int mapWidth, int mapHeight, string path,
        IReadOnlyList<(string Name, Rgb24 Colour)>? legend = null)
    {
        if (rows.Count == 0) throw new ArgumentException("A sheet needs at least one row.", nameof(rows));
        var (boxWidth, boxHeight) = Box(mapWidth, mapHeight);
        using var typeface = SKTypeface.FromFamilyName(Plots.PlotStyle.FontName) ?? SKTypeface.Default;
        using var bold = SKTypeface.FromFamilyName(Plots.PlotStyle.FontName, SKFontStyle.Bold) ?? typeface;
        using var font = new SKFont(typeface, CaptionSize);
        using var tickFont = new SKFont(typeface, TickSize);
        using var titleFont = new SKFont(bold, TitleSize);

        // Horizontal positions per row: a bar's width depends on its labels, which depend on the row's range.
        float BarSpace(ColourBar bar) => 6 + BarWidth + 4 + Ticks(bar).Max(t => tickFont.MeasureText(t.Text));
        var lefts = rows.Select(row =>
        {
            var x = new List<float>();
            float left = Gap;
            foreach (var panel in row.Panels)
            {
                x.Add(left);
                left += boxWidth + (panel.Bar is { } bar ? BarSpace(bar) : 0) + Gap;
            }
            x.Add(left);
            return x;
        }).ToList();
        float lineHeight = CaptionSize * 1.45f;
        float header = TitleSize * 2.2f + (legend is { Count: > 0 } ? lineHeight + 6 : 0);
        float rowHeight = lineHeight + boxHeight + lineHeight + Gap;
        int width = (int)Math.Ceiling(Math.Max(lefts.Max(x => x[^1]), titleFont.MeasureText(title) + 2 * Gap));
        int height = (int)Math.Ceiling(header + rows.Count * rowHeight + Gap);

        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("SkiaSharp could not create a drawing surface.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var ink = new SKPaint { Color = Ink, IsAntialias = true };
        using var frame = new SKPaint { Color = Frame, Style = SKPaintStyle.Stroke, StrokeWidth = 1 };
        canvas.DrawText(title, Gap, TitleSize * 1.5f, SKTextAlign.Left, titleFont, ink);
        if (legend is { Count: > 0 })
        {
            float x = Gap, y = TitleSize * 2.2f + CaptionSize;
            foreach (var (name, colour) in legend)
            {
                using var swatch = new SKPaint { Color = new SKColor(colour.R, colour.G, colour.B) };
                canvas.DrawRect(SKRect.Create(x, y - CaptionSize + 2, CaptionSize, CaptionSize), swatch);
                canvas.DrawText(name, x + CaptionSize + 4, y, SKTextAlign.Left, font, ink);
                x += CaptionSize + 4 + font.MeasureText(name) + Gap;
            }
        }

        var boxes = new List<IReadOnlyList<Rectangle>>();
        for (int r = 0; r < rows.Count; r++)
        {
            float top = header + r * rowHeight;
            canvas.DrawText(rows[r].Caption, Gap, top + CaptionSize, SKTextAlign.Left, font, ink);
            float boxTop = top + lineHeight;
            var rowBoxes = new List<Rectangle>();
            for (int p = 0; p < rows[r].Panels.Count; p++)
            {
                var panel = rows[r].Panels[p];
                var box = new Rectangle((int)lefts[r][p], (int)boxTop, boxWidth, boxHeight);
                rowBoxes.Add(box);
                var rect = SKRect.Create(box.X, box.Y, box.Width, box.Height);
                DrawPicture(canvas, panel.Picture, rect, font, ink);
                canvas.DrawRect(SKRect.Inflate(rect, 0.5f, 0.5f), frame); // just outside the picture, never over its pixels
                canvas.DrawText(panel.Label, rect.MidX, rect.Bottom + CaptionSize + 3, SKTextAlign.Center, font, ink);
                if (panel.Bar is { } bar) DrawBar(canvas, bar, rect.Right + 6, rect.Top, rect.Height, tickFont, ink, frame);
            }
            boxes.Add(rowBoxes);
        }

        using var snapshot = surface.Snapshot();
        using var png = snapshot.Encode(SKEncodedImageFormat.Png, 100);
        using var file = File.Create(path);
        png.SaveTo(file);
        return new DenseSheetLayout(width, height, boxes);
    }

    /// <summary>The bar's labelled values, top (Max) to bottom (Min), each with its unit.</summary>
    internal static IReadOnlyList<(double T, string Text)> Ticks(ColourBar bar) =>
        new[] { 1.0, 0.5, 0.0 }.Select(t => (t, ReportFormat.WithUnit(bar.Min + t * (bar.Max - bar.Min), bar.Unit))).ToArray();

    private static void DrawBar(SKCanvas canvas, ColourBar bar, float left, float top, float height, SKFont font, SKPaint ink, SKPaint frame)
    {
        int rows = Math.Max(1, (int)height);
        for (int y = 0; y < rows; y++)
        {
            var c = bar.Colour(rows == 1 ? 1 : 1 - (double)y / (rows - 1));
            using var paint = new SKPaint { Color = new SKColor(c.R, c.G, c.B) };
            canvas.DrawRect(SKRect.Create(left, top + y, BarWidth, 1), paint);
        }
        canvas.DrawRect(SKRect.Create(left - 0.5f, top - 0.5f, BarWidth + 1, rows + 1), frame);
        foreach (var (t, text) in Ticks(bar))
        {
            float y = top + (float)(1 - t) * (rows - 1);
            canvas.DrawLine(left + BarWidth, y, left + BarWidth + 3, y, ink);
            // Keep the top and bottom labels inside the bar's height.
            float baseline = Math.Clamp(y + font.Size / 3, top + font.Size * 0.8f, top + rows);
            canvas.DrawText(text, left + BarWidth + 4, baseline, SKTextAlign.Left, font, ink);
        }
    }

    private static void DrawPicture(SKCanvas canvas, Image<Rgb24>? picture, SKRect box, SKFont font, SKPaint ink)
    {
        if (picture is null)
        {
            using var grey = new SKPaint { Color = new SKColor(0xEE, 0xEE, 0xEE) };
            canvas.DrawRect(box, grey);
            canvas.DrawText("unreadable", box.MidX, box.MidY + font.Size / 3, SKTextAlign.Center, font, ink);
            return;
        }
        using var image = ToSkia(picture);
        float fit = Math.Min(box.Width / picture.Width, box.Height / picture.Height);
        float scale = fit >= 1 ? MathF.Floor(fit) : fit;
        float w = picture.Width * scale, h = picture.Height * scale;
        var destination = SKRect.Create(box.MidX - w / 2, box.MidY - h / 2, w, h);
        var sampling = scale >= 1 ? new SKSamplingOptions(SKFilterMode.Nearest) : new SKSamplingOptions(SKCubicResampler.Mitchell);
        canvas.DrawImage(image, destination, sampling);
    }

    private static SKImage ToSkia(Image<Rgb24> picture)
    {
        var pixels = new Rgba32[picture.Width * picture.Height];
        for (int y = 0; y < picture.Height; y++)
            for (int x = 0; x < picture.Width; x++)
            {
                var p = picture[x, y];
                pixels[y * picture.Width + x] = new Rgba32(p.R, p.G, p.B, 255);
            }
        var info = new SKImageInfo(picture.Width, picture.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        return SKImage.FromPixelCopy(info, MemoryMarshal.AsBytes(pixels.AsSpan()), info.RowBytes);
    }

    /// <summary>The image at <paramref name="path"/>, or null when it cannot be read (a moved or broken file should not cost the whole report).</summary>
    public static Image<Rgb24>? TryLoad(string path)
    {
        try
        {
            return SixLabors.ImageSharp.Image.Load<Rgb24>(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or UnknownImageFormatException or ImageFormatException or NotSupportedException)
        {
            return null;
        }
    }
}
