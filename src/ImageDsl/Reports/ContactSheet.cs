using System.Runtime.InteropServices;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SkiaSharp;

namespace ImageDsl.Reports;

/// <summary>One image on a contact sheet and the lines written under it.</summary>
/// <param name="ImagePath">The image file.</param>
/// <param name="Truth">The first line, in black: the truth.</param>
/// <param name="Wrong">Further lines, in red: what the model got wrong.</param>
internal sealed record SheetItem(string ImagePath, string Truth, params string[] Wrong)
{
    /// <summary>Boxes and points drawn over the image, truth and prediction in two colours; empty for none.</summary>
    public IReadOnlyList<SheetMark> Marks { get; init; } = [];

    /// <summary>
    /// What a heatmap of this image should explain, and how its caption names it (the predicted
    /// label, the worst component); null for the target's one value.
    /// </summary>
    public SheetExplain? Explain { get; init; }

    /// <summary>Further lines, in black, after the red ones (a heatmap sheet's "heat: …").</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>
    /// Drawn instead of the file at <see cref="ImagePath"/> when set (a heatmap overlay, at the
    /// model's input size); the caller keeps and disposes it.
    /// </summary>
    public Image<Rgba32>? Picture { get; init; }
}

/// <summary>What a heatmap explains for one sheet image: the number, and its name in the caption.</summary>
internal sealed record SheetExplain(ImageDsl.Explanations.ExplainTarget Target, string What);

/// <summary>
/// A box or a point drawn over a sheet's image, in fractions of the image's width and height
/// (0 to 1 across the image the model saw, which is the file's image stretched to the input size).
/// </summary>
/// <param name="Predicted">True for the model's, false for the truth.</param>
/// <param name="X1">Left, or the point's x.</param>
/// <param name="Y1">Top, or the point's y.</param>
/// <param name="X2">Right; null for a point.</param>
/// <param name="Y2">Bottom; null for a point.</param>
internal sealed record SheetMark(bool Predicted, double X1, double Y1, double? X2 = null, double? Y2 = null)
{
    public bool IsPoint => X2 is null;
}

/// <summary>
/// Draws a grid of images with captions to a PNG. Images are read with ImageSharp (the
/// formats datasets accept) and drawn with SkiaSharp, which also draws the text.
/// </summary>
internal static class ContactSheet
{
    private const int MaxColumns = 8;
    private const int MaxWidth = 1600;
    private const int Gap = 12;
    private const int MinCellWidth = 150;
    private const int MaxCellWidth = 320;
    private const float CaptionSize = 14;
    private const float TitleSize = 20;

    private static readonly SKColor Ink = new(0x20, 0x20, 0x20);
    private static readonly SKColor Wrong = new(0xC0, 0x1C, 0x1C);
    private static readonly SKColor Frame = new(0xB0, 0xB0, 0xB0);

    /// <summary>Boxes and points of the truth: a green no image or plot uses elsewhere, so tests can find it.</summary>
    internal static readonly SKColor TruthMark = new(0x00, 0xC8, 0x50);

    /// <summary>Boxes and points of the prediction: magenta, told apart from the truth's green also by red-green colour-blind readers.</summary>
    internal static readonly SKColor PredictedMark = new(0xFF, 0x00, 0xDC);

    private const float LegendSize = 14;

    /// <summary>Where a sheet puts things: its size, its cells, its header.</summary>
    internal sealed record Layout(int Width, int Height, int Columns, int CellWidth, int CellHeight, int Header, int LineHeight, int ThumbnailSize, bool Marked)
    {
        /// <summary>The square cell image number <paramref name="i"/> is drawn in (see <see cref="Destination"/> for where inside).</summary>
        public SKRect Box(int i)
        {
            float left = Gap + i % Columns * (CellWidth + Gap), top = Header + i / Columns * (CellHeight + Gap);
            return SKRect.Create(left + (CellWidth - ThumbnailSize) / 2f, top, ThumbnailSize, ThumbnailSize);
        }
    }

    /// <summary>
    /// Cells as wide as the longest caption (within bounds; longer ones shrink, then are cut),
    /// as many per row as fit a page-wide picture, and rows filled evenly (16 images: 8 + 8, not 5 + 5 + 5 + 1).
    /// </summary>
    internal static Layout Measure(IReadOnlyList<SheetItem> items, int thumbnailSize)
    {
        float caption = items.SelectMany(i => i.Wrong.Prepend(i.Truth).Concat(i.Notes)).Max(t => Plots.PlotStyle.TextWidth(t, CaptionSize));
        int cellWidth = Math.Max(thumbnailSize, (int)Math.Clamp(caption + 8, MinCellWidth, MaxCellWidth));
        int fit = Math.Clamp((MaxWidth - Gap) / (cellWidth + Gap), 1, MaxColumns);
        int rows = (items.Count + fit - 1) / fit;
        int columns = (items.Count + rows - 1) / rows;
        int lineHeight = (int)(CaptionSize * 1.45f);
        int lines = 1 + items.Max(i => i.Wrong.Length + i.Notes.Count);
        int cellHeight = thumbnailSize + 6 + lines * lineHeight;
        bool marked = items.Any(i => i.Marks.Count > 0);
        int header = (int)(TitleSize * 2.4f) + (marked ? (int)(LegendSize * 1.6f) : 0);
        int width = Gap + columns * (cellWidth + Gap);
        int height = header + rows * (cellHeight + Gap) + Gap;
        return new Layout(width, height, columns, cellWidth, cellHeight, header, lineHeight, thumbnailSize, marked);
    }

    public static void Save(string title, IReadOnlyList<SheetItem> items, int thumbnailSize, string path)
    {
        if (items.Count == 0) throw new ArgumentException("A contact sheet needs at least one image.", nameof(items));
        var layout = Measure(items, thumbnailSize);
        var (width, height, cellWidth, lineHeight, marked) = (layout.Width, layout.Height, layout.CellWidth, layout.LineHeight, layout.Marked);

        using var typeface = SKTypeface.FromFamilyName(Plots.PlotStyle.FontName) ?? SKTypeface.Default;
        using var bold = SKTypeface.FromFamilyName(Plots.PlotStyle.FontName, SKFontStyle.Bold) ?? typeface;
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("SkiaSharp could not create a drawing surface.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);

        using (var titleFont = new SKFont(bold, TitleSize))
        using (var titlePaint = new SKPaint { Color = Ink, IsAntialias = true })
            DrawFitted(canvas, title, width / 2f, TitleSize * 1.5f, width - 2 * Gap, titleFont, titlePaint);
        if (marked) DrawLegend(canvas, typeface, width / 2f, TitleSize * 2.4f + LegendSize * 0.6f);

        using var font = new SKFont(typeface, CaptionSize);
        using var ink = new SKPaint { Color = Ink, IsAntialias = true };
        using var wrong = new SKPaint { Color = Wrong, IsAntialias = true };
        using var frame = new SKPaint { Color = Frame, Style = SKPaintStyle.Stroke, StrokeWidth = 1 };
        for (int i = 0; i < items.Count; i++)
        {
            var box = layout.Box(i);
            float left = box.MidX - cellWidth / 2f, top = box.Top;
            var drawn = DrawThumbnail(canvas, items[i], box, font, ink);
            if (drawn is { } picture) DrawMarks(canvas, items[i].Marks, picture);
            canvas.DrawRect(SKRect.Inflate(box, 0.5f, 0.5f), frame); // just outside the image, never over its pixels
            float centre = left + cellWidth / 2f, firstLine = top + thumbnailSize + 6 + CaptionSize;
            DrawFitted(canvas, items[i].Truth, centre, firstLine, cellWidth, font, ink);
            for (int line = 0; line < items[i].Wrong.Length; line++)
                DrawFitted(canvas, items[i].Wrong[line], centre, firstLine + (line + 1) * lineHeight, cellWidth, font, wrong);
            for (int line = 0; line < items[i].Notes.Count; line++)
                DrawFitted(canvas, items[i].Notes[line], centre, firstLine + (items[i].Wrong.Length + line + 1) * lineHeight, cellWidth, font, ink);
        }

        using var snapshot = surface.Snapshot();
        using var png = snapshot.Encode(SKEncodedImageFormat.Png, 100);
        using var file = File.Create(path);
        png.SaveTo(file);
    }

    /// <summary>
    /// Draws the image scaled into <paramref name="box"/>: up by a whole factor with sharp
    /// pixels (a digit's pixels are the evidence), down smoothly; a note if it cannot be read.
    /// </summary>
    /// <returns>Where the image was drawn; null when it could not be read.</returns>
    private static SKRect? DrawThumbnail(SKCanvas canvas, SheetItem item, SKRect box, SKFont font, SKPaint ink)
    {
        using var image = item.Picture is { } picture ? ToSkia(picture) : TryLoad(item.ImagePath);
        if (image is null)
        {
            using var grey = new SKPaint { Color = new SKColor(0xEE, 0xEE, 0xEE) };
            canvas.DrawRect(box, grey);
            DrawFitted(canvas, "unreadable", box.MidX, box.MidY + font.Size / 3, box.Width, font, ink);
            return null;
        }
        var destination = Destination(box, image.Width, image.Height);
        float scale = destination.Width / image.Width;
        var sampling = scale >= 1 ? new SKSamplingOptions(SKFilterMode.Nearest) : new SKSamplingOptions(SKCubicResampler.Mitchell);
        canvas.DrawImage(image, destination, sampling);
        return destination;
    }

    /// <summary>
    /// Draws boxes as outlines and points as crosses over the image, truth first so the
    /// prediction is on top. Not antialiased: the lines keep their exact colours.
    /// </summary>
    private static void DrawMarks(SKCanvas canvas, IReadOnlyList<SheetMark> marks, SKRect picture)
    {
        if (marks.Count == 0) return;
        using var truth = new SKPaint { Color = TruthMark, Style = SKPaintStyle.Stroke, StrokeWidth = 2, IsAntialias = false };
        using var predicted = new SKPaint { Color = PredictedMark, Style = SKPaintStyle.Stroke, StrokeWidth = 2, IsAntialias = false };
        canvas.Save();
        canvas.ClipRect(SKRect.Inflate(picture, 1, 1)); // a mark off the image is cut at its edge
        foreach (var mark in marks.OrderBy(m => m.Predicted))
        {
            var paint = mark.Predicted ? predicted : truth;
            float x1 = picture.Left + (float)mark.X1 * picture.Width, y1 = picture.Top + (float)mark.Y1 * picture.Height;
            if (mark.IsPoint)
            {
                const float arm = 4;
                canvas.DrawLine(x1 - arm, y1, x1 + arm, y1, paint);
                canvas.DrawLine(x1, y1 - arm, x1, y1 + arm, paint);
                continue;
            }
            float x2 = picture.Left + (float)mark.X2!.Value * picture.Width, y2 = picture.Top + (float)mark.Y2!.Value * picture.Height;
            canvas.DrawRect(SKRect.Create(Math.Min(x1, x2), Math.Min(y1, y2), Math.Abs(x2 - x1), Math.Abs(y2 - y1)), paint);
        }
        canvas.Restore();
    }

    /// <summary>"▬ truth  ▬ prediction" centred at <paramref name="centre"/>, in the marks' colours.</summary>
    private static void DrawLegend(SKCanvas canvas, SKTypeface typeface, float centre, float top)
    {
        using var font = new SKFont(typeface, LegendSize);
        using var ink = new SKPaint { Color = Ink, IsAntialias = true };
        const float swatch = 18, space = 6, between = 24;
        (string Text, SKColor Colour)[] entries = [("truth", TruthMark), ("prediction", PredictedMark)];
        float total = entries.Sum(e => swatch + space + font.MeasureText(e.Text)) + between;
        float x = centre - total / 2, baseline = top + LegendSize * 0.8f;
        foreach (var (text, colour) in entries)
        {
            using var fill = new SKPaint { Color = colour, Style = SKPaintStyle.Fill, IsAntialias = false };
            canvas.DrawRect(SKRect.Create(x, baseline - LegendSize * 0.45f, swatch, 4), fill);
            x += swatch + space;
            canvas.DrawText(text, x, baseline, SKTextAlign.Left, font, ink);
            x += font.MeasureText(text) + between;
        }
    }

    /// <summary>Where an image of <paramref name="width"/> × <paramref name="height"/> is drawn in its cell's square <paramref name="box"/>: centred, scaled up by a whole factor or down to fit.</summary>
    internal static SKRect Destination(SKRect box, int width, int height)
    {
        float fit = Math.Min(box.Width / width, box.Height / height);
        float scale = fit >= 1 ? MathF.Floor(fit) : fit;
        float w = width * scale, h = height * scale;
        return SKRect.Create(box.MidX - w / 2, box.MidY - h / 2, w, h);
    }

    private static SKImage ToSkia(Image<Rgba32> image)
    {
        var pixels = new Rgba32[image.Width * image.Height];
        image.CopyPixelDataTo(pixels);
        var info = new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        return SKImage.FromPixelCopy(info, MemoryMarshal.AsBytes(pixels.AsSpan()), info.RowBytes);
    }

    private static SKImage? TryLoad(string path)
    {
        try
        {
            using var image = SixLabors.ImageSharp.Image.Load<Rgba32>(path);
            return ToSkia(image);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or UnknownImageFormatException or ImageFormatException or NotSupportedException)
        {
            return null; // a moved or broken file should not cost the whole report
        }
    }

    /// <summary>Draws text centred at <paramref name="centre"/>, shrunk and then cut with "…" to fit <paramref name="maxWidth"/>.</summary>
    private static void DrawFitted(SKCanvas canvas, string text, float centre, float baseline, float maxWidth, SKFont font, SKPaint paint)
    {
        float size = font.Size;
        try
        {
            while (font.MeasureText(text) > maxWidth && font.Size > 10) font.Size -= 1;
            if (font.MeasureText(text) > maxWidth)
            {
                while (text.Length > 1 && font.MeasureText(text + "…") > maxWidth) text = text[..^1];
                text += "…";
            }
            canvas.DrawText(text, centre, baseline, SKTextAlign.Center, font, paint);
        }
        finally
        {
            font.Size = size;
        }
    }
}
