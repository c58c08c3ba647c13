using ImageDsl.Reports;
using SixLabors.ImageSharp.PixelFormats;

namespace ImageDsl.Evaluation;

/// <summary>
/// A mask's worst images, one row each: the input, the true mask over it, the predicted mask over
/// it (one colour per class, named in the legend; ignored pixels uncoloured) and the wrong pixels
/// in red on the dimmed image.
/// </summary>
internal static class MaskPictures
{
    public static DenseSheetLayout Save(MaskEvaluation target, IReadOnlyList<(string ImagePath, double PixelAccuracy, KeptMaps Maps)> worst, string path)
    {
        var rows = new List<DenseRow>();
        var disposables = new List<IDisposable>();
        try
        {
            for (int k = 0; k < worst.Count; k++)
            {
                var (imagePath, accuracy, maps) = worst[k];
                var input = DenseSheet.TryLoad(imagePath);
                var truth = MaskOverlay.Draw(input, maps.Truth, maps.Width, maps.Height);
                var predicted = MaskOverlay.Draw(input, maps.Predicted, maps.Width, maps.Height);
                var errors = MaskOverlay.Errors(input, maps.Truth, maps.Predicted, maps.Width, maps.Height);
                disposables.AddRange(new IDisposable?[] { input, truth, predicted, errors }.OfType<IDisposable>());
                rows.Add(new DenseRow($"#{k + 1}  {ReportPaths.Image(imagePath)}  pixel accuracy {ReportFormat.Value(accuracy)}",
                [
                    new DensePanel("input", input),
                    new DensePanel("truth", truth),
                    new DensePanel("prediction", predicted),
                    new DensePanel("wrong pixels", errors),
                ]));
            }
            var legend = target.Classes.Select((name, c) => (name, MapColours.Class(c))).Append(("wrong", MaskOverlay.Wrong)).ToArray();
            return DenseSheet.Save($"{target.Name}: the {worst.Count} images of lowest pixel accuracy", rows, worst[0].Maps.Width, worst[0].Maps.Height, path, legend);
        }
        finally
        {
            foreach (var d in disposables) d.Dispose();
        }
    }
}
