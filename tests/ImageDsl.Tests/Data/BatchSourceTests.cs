using ImageDsl.Data;
using ImageDsl.Tests.EndToEnd;
using ImageDsl.Training;

namespace ImageDsl.Tests.Data;

public class BatchSourceTests
{
    private static ImageDataset WithBrokenFiles(TemporaryDirectory temp, DatasetOptions options)
    {
        var good = Directory.GetFiles(RepositoryPaths.BundledData("digits", "test", "3")).Take(20).ToArray();
        Directory.CreateDirectory(Path.Combine(temp.Path, "3"));
        foreach (var file in good) File.Copy(file, Path.Combine(temp.Path, "3", Path.GetFileName(file)));
        File.WriteAllBytes(Path.Combine(temp.Path, "3", "empty.png"), []);
        File.WriteAllBytes(Path.Combine(temp.Path, "3", "truncated.png"), File.ReadAllBytes(good[0])[..40]);
        return SampleDigits.LoadDataset(temp.Path).WithOptions(options);
    }

    [Fact]
    public void Streaming_batches_equal_cached_batches()
    {
        var data = SampleDigits.LoadDataset(RepositoryPaths.BundledData("digits", "test"));
        using var cached = data.WithOptions(new DatasetOptions()).Batches;
        using var streamed = data.WithOptions(new DatasetOptions { CacheLimitBytes = 0 }).Batches;
        long[] indices = [5, 199, 0, 42];

        Assert.IsType<CachedBatches>(cached);
        Assert.IsType<StreamingBatches>(streamed);
        streamed.Prefetch(indices);
        var (a, ta, _) = cached.Take(indices);
        var (b, tb, _) = streamed.Take(indices);

        Assert.True(a.equal(b).all().item<bool>());
        Assert.True(ta.equal(tb).all().item<bool>());
    }

    [Theory]
    [InlineData(4L << 30)]
    [InlineData(0L)]
    public void Broken_images_fail_before_training_listing_every_file(long cacheLimit)
    {
        using var temp = new TemporaryDirectory();
        var data = WithBrokenFiles(temp, new DatasetOptions { CacheLimitBytes = cacheLimit });
        using var model = SampleDigits.Model.Create();

        var error = Assert.Throws<DatasetException>(() => model.Train(data, new TrainingOptions { Epochs = 1, BatchSize = 64 }));

        Assert.Equal(["empty.png", "truncated.png"], error.Problems.Select(p => Path.GetFileName(p.File)).Order());
        Assert.Contains("Image file is empty", error.Message);
    }

    [Fact]
    public void Skipped_broken_images_are_listed_and_training_goes_on()
    {
        using var temp = new TemporaryDirectory();
        var data = WithBrokenFiles(temp, new DatasetOptions { BrokenImages = BrokenImagePolicy.Skip });
        using var model = SampleDigits.Model.Create();

        var history = model.Train(data, new TrainingOptions { Epochs = 1 });
        var evaluation = model.Evaluate(data);

        Assert.Single(history.Epochs);
        Assert.Equal(["empty.png", "truncated.png"], data.Skipped.Select(p => Path.GetFileName(p.File)).Order());
        Assert.Equal(20, evaluation.Result.Count);
    }
}
