using ScottPlot;
using SkiaSharp;

namespace ImageDsl.Reports.Plots;

/// <summary>The look shared by every report plot: a sans-serif font at sizes readable when a pull request shrinks the image.</summary>
internal static class PlotStyle
{
    public const int Width = 900;
    public const int Height = 650;
    public const float TitleSize = 20;
    public const float AxisLabelSize = 16;
    public const float TickSize = 14;

    /// <summary>A plot with its title and axis labels set.</summary>
    public static Plot Create(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title, TitleSize);
        plot.XLabel(xLabel, AxisLabelSize);
        plot.YLabel(yLabel, AxisLabelSize);
        plot.Axes.Bottom.TickLabelStyle.FontSize = TickSize;
        plot.Axes.Left.TickLabelStyle.FontSize = TickSize;
        // ScottPlot's default density puts a tick every few dozen pixels; half as many read better.
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { TickDensity = 0.5 };
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { TickDensity = 0.5 };
        plot.Legend.FontSize = TickSize;
        return plot;
    }

    /// <summary>
    /// A sans-serif family that is installed. ScottPlot's own <see cref="Fonts.Sans"/> falls
    /// back to Skia's default typeface, a serif one on Debian, so the common names come first.
    /// </summary>
    public static string FontName { get; } =
        new[] { "DejaVu Sans", "Liberation Sans", "Arial", "Helvetica", "Segoe UI", "Noto Sans", "Open Sans" }
            .FirstOrDefault(f => SKFontManager.Default.GetFontFamilies().Contains(f, StringComparer.OrdinalIgnoreCase))
        ?? Fonts.Default;

    /// <summary>Renders <paramref name="plot"/> to a PNG; the font is set last so it reaches every label added.</summary>
    public static void Save(Plot plot, string path, int width = Width, int height = Height)
    {
        plot.Font.Set(FontName);
        plot.SavePng(path, width, height);
    }

    /// <summary>The width in pixels of <paramref name="text"/> in the report font, for sizing a plot around its labels.</summary>
    public static float TextWidth(string text, float size)
    {
        using var typeface = SKTypeface.FromFamilyName(FontName);
        using var font = new SKFont(typeface, size);
        return font.MeasureText(text);
    }

    /// <summary>A distinct colour per line drawn: Category10, or Category20 beyond ten lines (colours repeat past twenty).</summary>
    public static Color ClassColor(int index, int count) =>
        count <= 10 ? new ScottPlot.Palettes.Category10().GetColor(index) : new ScottPlot.Palettes.Category20().GetColor(index);

    /// <summary>
    /// True when Skia can find no font: plot text would silently not be drawn. The report
    /// still writes its plots, and says so in a warning.
    /// </summary>
    public static bool NoFontInstalled => SKFontManager.Default.FontFamilyCount == 0;
}
