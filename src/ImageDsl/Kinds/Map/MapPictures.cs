using ImageDsl.Evaluation;
using ImageDsl.Reports;
using SixLabors.ImageSharp.PixelFormats;

namespace ImageDsl.Evaluation;

/// <summary>
/// A value map's worst images, one row each: the input, the truth and the prediction on one colour
/// scale (so equal colours mean equal values; invalid truth black), and |prediction − truth| on a
/// white-to-red scale (invalid truth grey: no error is defined there), each scale's bar labelled in
/// the target's unit.
/// </summary>
internal static class MapPictures
{
    private static readonly Rgb24 NoTruth = new(150, 150, 150);

    public static DenseSheetLayout Save(MapEvaluation target, IReadOnlyList<(string ImagePath, double AbsRel, KeptMaps Maps)> worst, string path)
    {
        var rows = new List<DenseRow>();
        var disposables = new List<IDisposable>();
        try
        {
            for (int k = 0; k < worst.Count; k++)
            {
                var (imagePath, absRel, maps) = worst[k];
                var (lo, hi) = Range(maps);
                var error = Error(maps, out double worstError);
                var input = DenseSheet.TryLoad(imagePath);
                var truth = MapColours.Render(maps.Truth, maps.Width, maps.Height, lo, hi, MapColours.At, new Rgb24(0, 0, 0));
                var predicted = MapColours.Render(maps.Predicted, maps.Width, maps.Height, lo, hi, MapColours.At, new Rgb24(0, 0, 0));
                var errors = MapColours.Render(error, maps.Width, maps.Height, 0, worstError, MapColours.Error, NoTruth);
                disposables.AddRange(new IDisposable?[] { input, truth, predicted, errors }.OfType<IDisposable>());
                rows.Add(new DenseRow($"#{k + 1}  {ReportPaths.Image(imagePath)}  AbsRel {ReportFormat.Value(absRel)}",
                [
                    new DensePanel("input", input),
                    new DensePanel("truth", truth),
                    new DensePanel("prediction", predicted, new ColourBar(lo, hi, target.Unit, MapColours.At)),
                    new DensePanel("|error|", errors, new ColourBar(0, worstError, target.Unit, MapColours.Error)),
                ]));
            }
            return DenseSheet.Save($"{target.Name}: the {worst.Count} images of highest AbsRel", rows, worst[0].Maps.Width, worst[0].Maps.Height, path);
        }
        finally
        {
            foreach (var d in disposables) d.Dispose();
        }
    }

    /// <summary>The shared scale of truth and prediction: the valid truth and the predictions where it is valid (elsewhere they clip to the ends).</summary>
    internal static (double Low, double High) Range(KeptMaps maps)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        for (int i = 0; i < maps.Truth.Length; i++)
        {
            if (!float.IsFinite(maps.Truth[i])) continue;
            lo = Math.Min(lo, Math.Min(maps.Truth[i], Finite(maps.Predicted[i], maps.Truth[i])));
            hi = Math.Max(hi, Math.Max(maps.Truth[i], Finite(maps.Predicted[i], maps.Truth[i])));
        }
        if (double.IsInfinity(lo)) (lo, hi) = (0, 1);
        return hi > lo ? (lo, hi) : (lo, lo + 1);
    }

    private static float Finite(float value, float otherwise) => float.IsFinite(value) ? value : otherwise;

    /// <summary>|prediction − truth| on valid pixels, NaN elsewhere, and the largest (1 when all are 0, so the bar has a span).</summary>
    internal static float[] Error(KeptMaps maps, out double largest)
    {
        var error = new float[maps.Truth.Length];
        largest = 0;
        for (int i = 0; i < error.Length; i++)
        {
            error[i] = float.IsFinite(maps.Truth[i]) ? Math.Abs(maps.Predicted[i] - maps.Truth[i]) : float.NaN;
            if (float.IsFinite(error[i])) largest = Math.Max(largest, error[i]);
        }
        if (largest == 0) largest = 1;
        return error;
    }
}
