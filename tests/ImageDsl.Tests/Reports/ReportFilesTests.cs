using ImageDsl.Reports;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using static ImageDsl.Tests.Reports.ReportFixtures;

namespace ImageDsl.Tests.Reports;

public class ReportFilesTests
{
    [Fact]
    public void Writes_every_file_and_each_png_is_a_real_picture()
    {
        using var temp = new TemporaryDirectory();

        var written = Result(Digits(), Rotation()).WriteReport(temp.Path, History());

        string[] expected =
        [
            "Digit-predictions.csv", "Digit-confusion.png", "Digit-roc.png", "Digit-pr.png", "Digit-worst.png",
            "Angle-predictions.csv", "Angle-scatter.png", "Angle-residuals.png", "Angle-worst.png",
            "loss.png", "report.json", "report.md",
        ];
        Assert.Equal(expected.Order(), written.Select(Path.GetFileName).Order()!);
        Assert.All(written, path => Assert.True(File.Exists(path), path));
        foreach (var png in written.Where(p => p.EndsWith(".png", StringComparison.Ordinal)))
            PngAssert.Picture(png).Dispose();
    }

    [Fact]
    public void Predictions_csv_has_one_row_per_image()
    {
        using var temp = new TemporaryDirectory();
        var digits = Digits();
        Result(digits, Rotation()).WriteReport(temp.Path, options: new ReportOptions { Plots = false });

        var classification = File.ReadAllLines(temp.File("Digit-predictions.csv"));
        var regression = File.ReadAllLines(temp.File("Angle-predictions.csv"));

        Assert.Equal("image,actual,predicted,confidence,p:Zero,p:One,p:Two,p:Three,p:Four,p:Five,p:Six,p:Seven,p:Eight,p:Nine", classification[0]);
        Assert.Equal(201, classification.Length);
        var first = classification[1].Split(',');
        var sample = digits.Samples[0];
        Assert.Equal(14, first.Length);
        Assert.Equal(Path.GetRelativePath(temp.Path, sample.ImagePath).Replace('\\', '/'), first[0]); // relative to the report folder
        Assert.Equal(Path.GetFullPath(sample.ImagePath), Path.GetFullPath(Path.Combine(temp.Path, first[0])));
        Assert.Equal("Zero", first[1]);
        Assert.Equal(digits.Metrics.Labels[sample.PredictedIndex], first[2]);
        Assert.Equal(sample.Confidence, float.Parse(first[3], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(sample.Probabilities[9], float.Parse(first[13], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("image,actual,predicted,error", regression[0]);
        Assert.Equal(201, regression.Length);
    }

    [Fact]
    public void Without_plots_no_png_is_written_and_without_history_there_is_no_loss_curve()
    {
        using var temp = new TemporaryDirectory();

        var written = Result(Digits()).WriteReport(temp.Path, options: new ReportOptions { Plots = false });

        Assert.DoesNotContain(written, p => p.EndsWith(".png", StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(temp.Path, "*.png"));
        Assert.Contains("\"training\": null", File.ReadAllText(temp.File("report.json")));
    }

    [Fact]
    public void Contact_sheet_scales_small_images_up_by_a_whole_factor_with_sharp_pixels()
    {
        using var temp = new TemporaryDirectory();
        // 28x28: left half red, right half blue. At 84 px the red must span exactly 42 px.
        using (var image = new Image<Rgba32>(28, 28))
        {
            image.ProcessPixelRows(rows =>
            {
                for (int y = 0; y < 28; y++)
                {
                    var row = rows.GetRowSpan(y);
                    for (int x = 0; x < 28; x++) row[x] = x < 14 ? new Rgba32(255, 0, 0) : new Rgba32(0, 0, 255);
                }
            });
            image.SaveAsPng(temp.File("split.png"));
        }
        var sheet = temp.File("sheet.png");

        ContactSheet.Save("One image", [new SheetItem(temp.File("split.png"), "true: a", "pred: b (90%)")], 84, sheet);

        using var drawn = PngAssert.Picture(sheet, minWidth: 100, minHeight: 100);
        int row = FindRow(drawn, new Rgba32(255, 0, 0));
        int red = 0, blue = 0;
        for (int x = 0; x < drawn.Width; x++)
        {
            if (drawn[x, row] == new Rgba32(255, 0, 0)) red++;
            if (drawn[x, row] == new Rgba32(0, 0, 255)) blue++;
        }
        Assert.Equal(42, red);
        Assert.Equal(42, blue);
    }

    [Fact]
    public void Contact_sheet_survives_an_image_that_cannot_be_read()
    {
        using var temp = new TemporaryDirectory();
        var sheet = temp.File("sheet.png");

        ContactSheet.Save("Missing", [new SheetItem(temp.File("gone.png"), "true: 1", "pred: 2", "error: +1")], 84, sheet);

        PngAssert.Picture(sheet, minWidth: 100, minHeight: 100).Dispose();
    }

    [Fact]
    public void Worst_predictions_sheet_is_a_grid_of_the_requested_size()
    {
        using var temp = new TemporaryDirectory();
        var target = Rotation();

        Result(target).WriteReport(temp.Path, options: new ReportOptions { WorstPredictions = 10, ThumbnailSize = 56 });

        using var sheet = PngAssert.Picture(temp.File("Angle-worst.png"));
        // 10 images: 2 rows of 5 columns (rows filled evenly), each 150 px (the narrowest cell) with 12 px gaps.
        Assert.Equal(12 + 5 * (150 + 12), sheet.Width);
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(temp.File("report.json")))!;
        Assert.Equal(10, json["targets"]![0]!["worstPredictions"]!.AsArray().Count);
    }

    [Fact]
    public void Curves_show_at_most_the_configured_classes_choosing_the_lowest_auc()
    {
        var curves = Enumerable.Range(0, 6).Select(i => new ClassCurve($"c{i}", i, 5, [(0, 0), (1, 1)], [(0, 1), (1, 1)], 0.9 + (i % 3) * 0.03, null, 0.9, null)).ToArray();

        var drawn = ImageDsl.Reports.Plots.CurvePlots.Drawn(curves, 2);

        Assert.Equal([0, 3], drawn.Select(c => c.Index));
    }

    [Fact]
    public void Invalid_options_are_refused()
    {
        using var temp = new TemporaryDirectory();

        Assert.Throws<ArgumentOutOfRangeException>(() => Result(Digits()).WriteReport(temp.Path, options: new ReportOptions { WorstPredictions = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Result(Digits()).WriteReport(temp.Path, options: new ReportOptions { ThumbnailSize = 2 }));
    }

    private static int FindRow(Image<Rgba32> image, Rgba32 colour)
    {
        for (int y = 0; y < image.Height; y++)
            for (int x = 0; x < image.Width; x++)
                if (image[x, y] == colour) return y + 10;
        throw new Xunit.Sdk.XunitException("colour not found");
    }
}
