using ImageDsl.Reports;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ImageDsl.Tests.Reports;

public class ContactSheetMarksTests
{
    [Fact]
    public void Boxes_and_points_are_drawn_in_the_truth_and_prediction_colours_with_a_legend()
    {
        using var temp = new TemporaryDirectory();
        var image = Path.Combine(temp.Path, "grey.png");
        using (var grey = new Image<Rgba32>(32, 32, new Rgba32(128, 128, 128))) grey.SaveAsPng(image);
        var sheet = Path.Combine(temp.Path, "sheet.png");
        ContactSheet.Save("marks", [new SheetItem(image, "true: a", "pred: b")
        {
            Marks = [new SheetMark(false, 0.1, 0.1, 0.5, 0.5), new SheetMark(true, 0.75, 0.75)],
        }], 96, sheet);

        using var png = Image.Load<Rgba32>(sheet);
        int truth = 0, predicted = 0;
        var t = ContactSheet.TruthMark;
        var p = ContactSheet.PredictedMark;
        for (int y = 0; y < png.Height; y++)
            for (int x = 0; x < png.Width; x++)
            {
                var c = png[x, y];
                if (c.R == t.Red && c.G == t.Green && c.B == t.Blue) { truth++; }
                if (c.R == p.Red && c.G == p.Green && c.B == p.Blue) predicted++;
            }
        // A 38-pixel box outline of 2-pixel lines is well over 100 pixels; a cross of two 8-pixel arms and the legend swatch, over 20.
        Assert.True(truth > 100, $"{truth} truth-coloured pixels");
        Assert.True(predicted > 20, $"{predicted} prediction-coloured pixels");
    }
}
