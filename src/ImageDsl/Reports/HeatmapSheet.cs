using System.Text;
using ImageDsl.Evaluation;
using ImageDsl.Explanations;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ImageDsl.Reports;

/// <summary>
/// A target's worst predictions again, each image with its heatmap over it
/// (<c>&lt;Target&gt;-worst-heatmaps.png</c>): where the model found the evidence for what it
/// predicted. Only for evaluations a model made (it runs the model again, one image at a time),
/// only for the first <see cref="ReportOptions.WorstHeatmaps"/> of the worst-predictions sheet,
/// and never for dense targets, whose own worst pictures show their maps.
/// </summary>
internal static class HeatmapSheet
{
    /// <summary>The file's suffix after the target's prefix.</summary>
    public const string Suffix = "-worst-heatmaps.png";

    /// <summary>Writes the sheet through <paramref name="save"/> when there is a model to explain with and something to explain.</summary>
    /// <param name="target">The target's evaluation.</param>
    /// <param name="files">Where the file name is recorded.</param>
    /// <param name="options">What to draw.</param>
    /// <param name="explain">The model's heatmap of one image file for one number; null when the image cannot be read.</param>
    /// <param name="save">Writes a file and returns the name to record.</param>
    public static void WriteFiles(TargetEvaluation target, TargetFiles files, ReportOptions options, Func<string, ExplainTarget, Heatmap?>? explain, Func<string, Action<string>, string?> save)
    {
        int count = Math.Min(options.WorstHeatmaps, options.WorstPredictions);
        if (explain is null || !options.Plots || count == 0 || !target.HasSamples || target.Target is { ReadsFeatureMaps: true }) return;
        if (target.WorstSheet(count) is not { Items.Count: > 0 } sheet) return;
        var pictures = new List<Image<Rgba32>>();
        try
        {
            var items = Items(target, sheet.Items, explain, pictures);
            if (items.Count == 0) return;
            files.WorstHeatmaps = save(files.Prefix + Suffix, path => ContactSheet.Save(Title(target, items.Count), items, options.ThumbnailSize, path));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or NotSupportedException)
        {
            // The model cannot explain this target (not a generated network, a head it cannot
            // differentiate): the report goes on without this picture.
        }
        finally
        {
            foreach (var picture in pictures) picture.Dispose();
        }
    }

    /// <summary>The sheet's images, each with its overlay as the picture and a "heat: …" line; images the model could not read are left out.</summary>
    internal static List<SheetItem> Items(TargetEvaluation target, IReadOnlyList<SheetItem> worst, Func<string, ExplainTarget, Heatmap?> explain, List<Image<Rgba32>> pictures)
    {
        var items = new List<SheetItem>();
        foreach (var item in worst)
        {
            var what = item.Explain ?? new SheetExplain(ExplainTarget.Value(target.Name), target.Name);
            if (explain(item.ImagePath, what.Target) is not { } heat) continue;
            var picture = heat.Overlay(1);
            pictures.Add(picture);
            // A peak of 0: nothing in the image raised the number, so the map is all cold.
            items.Add(item with { Picture = picture, Notes = [heat.Peak > 0 ? $"heat: {what.What}" : $"heat: {what.What} (none)"] });
        }
        return items;
    }

    private static string Title(TargetEvaluation target, int count) =>
        $"{target.Name}: where the model looked, {count} worst predictions (HiResCAM, red = most evidence)";

    /// <summary>The sheet embedded under the target's section, with a line saying what the heat explains.</summary>
    public static void WriteMarkdown(StringBuilder md, TargetEvaluation target, TargetFiles? files)
    {
        if (files?.WorstHeatmaps is not { } file) return;
        md.AppendLine($"### {ReportMarkdown.Escape(target.Name)}: where the model looked").AppendLine();
        md.AppendLine("The worst predictions above, each with a HiResCAM heatmap of what the model predicted (red where the evidence for it was strongest; see docs/explanations.md).").AppendLine();
        ReportMarkdown.Image(md, file, $"{target.Name} worst predictions with heatmaps");
    }
}
