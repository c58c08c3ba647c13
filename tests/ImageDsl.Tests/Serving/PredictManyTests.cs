using ImageDsl.Serving;
using ImageDsl.Tests.EndToEnd;

namespace ImageDsl.Tests.Serving;

/// <summary>PredictMany: batched, in input order, with progress, and unreadable images as failed results.</summary>
public sealed class PredictManyTests(ServingModels models) : IClassFixture<ServingModels>
{
    private sealed class Recorder : IProgress<BatchPredictionProgress>
    {
        public List<BatchPredictionProgress> Reports { get; } = [];
        public void Report(BatchPredictionProgress value) { lock (Reports) Reports.Add(value); }
    }

    /// <summary>The bundled images with a missing file and a text file named .png slipped in.</summary>
    private (List<string> Paths, string Missing, string NotImage) MixedInput()
    {
        var notImage = Path.Combine(models.Folder, "notes.png");
        File.WriteAllText(notImage, "this is not a picture");
        var missing = Path.Combine(models.Folder, "gone.png");
        var paths = models.Images.ToList();
        paths.Insert(3, missing);
        paths.Insert(11, notImage);
        return (paths, missing, notImage);
    }

    private static async Task<List<PredictionResult<SampleDigits.Prediction>>> Collect(IAsyncEnumerable<PredictionResult<SampleDigits.Prediction>> results)
    {
        var list = new List<PredictionResult<SampleDigits.Prediction>>();
        await foreach (var result in results) list.Add(result);
        return list;
    }

    [Fact]
    public async Task Files_are_predicted_in_order_and_unreadable_ones_fail_without_stopping_the_run()
    {
        var (paths, missing, notImage) = MixedInput();
        var progress = new Recorder();

        var results = await Collect(models.Model.PredictMany(paths, new BatchPredictionOptions { BatchSize = 3, DecodeParallelism = 2 }, progress));

        Assert.Equal(paths, results.Select(r => r.Source));
        Assert.Equal(Enumerable.Range(0, paths.Count), results.Select(r => r.Index));
        var failed = results.Where(r => !r.Succeeded).ToList();
        Assert.Equal([missing, notImage], failed.Select(r => r.Source));
        Assert.All(failed, r => Assert.Null(r.Prediction));
        Assert.Contains("gone.png: not found", failed[0].Error);
        Assert.Contains("notes.png", failed[1].Error);
        Assert.Contains("not a supported image", failed[1].Error);
        foreach (var result in results.Where(r => r.Succeeded))
            Probabilities.AssertSame(models.Model.Predict(result.Source), result.Prediction!);

        // One report per batch of 3, counting as it goes; the last one has everything.
        Assert.Equal((paths.Count + 2) / 3, progress.Reports.Count);
        Assert.Equal(Enumerable.Range(1, progress.Reports.Count).Select(b => Math.Min(3 * b, paths.Count)), progress.Reports.Select(r => r.Completed));
        Assert.Equal(new BatchPredictionProgress(paths.Count, 2, paths.Count), progress.Reports[^1]);
    }

    [Fact]
    public async Task The_onnx_predictor_batches_streams_the_same_way()
    {
        var sources = models.Images.Select(p => new ImageSource("mem:" + Path.GetFileName(p), () => new MemoryStream(File.ReadAllBytes(p))))
            .Append(new ImageSource("mem:garbage", () => new MemoryStream([1, 2, 3])))
            .Append(new ImageSource("mem:throws", () => throw new IOException("connection reset")));

        var results = await Collect(models.Onnx.PredictMany(sources, new BatchPredictionOptions { BatchSize = 4 }));

        Assert.Equal(models.Images.Count + 2, results.Count);
        Assert.Equal(models.Images.Count, results.Count(r => r.Succeeded));
        Assert.Contains("connection reset", results[^1].Error);
        Assert.Equal("mem:garbage", results[^2].Source);
        for (int i = 0; i < models.Images.Count; i++)
            Probabilities.AssertSame(models.Model.Predict(models.Images[i]), results[i].Prediction!);
    }

    [Fact]
    public async Task Folders_and_manifests_list_their_images()
    {
        var folder = Path.Combine(models.Folder, "batch");
        Directory.CreateDirectory(Path.Combine(folder, "sub"));
        for (int i = 0; i < 4; i++) File.Copy(models.Images[i], Path.Combine(folder, i < 2 ? "" : "sub", $"img{i}.png"), overwrite: true);
        File.WriteAllText(Path.Combine(folder, "readme.txt"), "not listed: not an image extension");
        File.WriteAllText(Path.Combine(folder, "list.csv"), "label,file\n3,img1.png\n5,sub/img3.png\n1,missing.png\n");

        var top = await Collect(models.Model.PredictMany(ImageSource.Folder(folder)));
        var all = await Collect(models.Model.PredictMany(ImageSource.Folder(folder, recursive: true)));
        var listed = await Collect(models.Model.PredictMany(ImageSource.Manifest(Path.Combine(folder, "list.csv"))));

        Assert.Equal(["img0.png", "img1.png"], top.Select(r => Path.GetFileName(r.Source)));
        Assert.Equal(4, all.Count(r => r.Succeeded));
        Assert.Equal(["img1.png", "img3.png", "missing.png"], listed.Select(r => Path.GetFileName(r.Source)));
        Assert.Equal([true, true, false], listed.Select(r => r.Succeeded));
        Probabilities.AssertSame(models.Model.Predict(models.Images[3]), listed[1].Prediction!);
        Assert.Throws<DirectoryNotFoundException>(() => ImageSource.Folder(Path.Combine(folder, "nope")));
    }

    [Fact]
    public async Task Stopping_early_and_cancelling_end_the_run_cleanly()
    {
        var taken = new List<string>();
        await foreach (var result in models.Model.PredictMany(models.Images, new BatchPredictionOptions { BatchSize = 2 }))
        {
            taken.Add(result.Source);
            if (taken.Count == 3) break;
        }
        Assert.Equal(models.Images.Take(3), taken);

        using var cancel = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in models.Model.PredictMany(models.Images, new BatchPredictionOptions { BatchSize = 2 }, cancellation: cancel.Token))
                cancel.Cancel();
        });
    }
}
