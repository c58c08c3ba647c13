using ImageDsl.Tests.Modeling;
using Xunit.Abstractions;

namespace ImageDsl.Tests.Hardening;

/// <summary>
/// Dispose racing with calls on other threads: in-flight calls finish or fail with
/// <see cref="ObjectDisposedException"/>, the process never crashes (it died of SIGSEGV in 3 of
/// 32 runs before), and Save after Dispose leaves the file as it was.
/// </summary>
public class DisposeSafetyTests(ITestOutputHelper output)
{
    [Fact]
    public void Save_after_dispose_throws_and_leaves_the_file_untouched()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.File("m.imgdsl");
        var model = CompatibleKinds.Model.Create(seed: 3);
        model.Save(path);
        var before = File.ReadAllBytes(path);
        model.Dispose();

        var error = Assert.Throws<ObjectDisposedException>(() => model.Save(path));

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Contains("ImageDsl.Tests.Modeling.CompatibleKinds model", error.Message);
        Assert.DoesNotContain("Handle", error.Message);
        Assert.Single(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void Every_call_after_dispose_names_the_model()
    {
        using var temp = new TemporaryDirectory();
        var data = SmallRun.Data(temp.Path, 8);
        var model = CompatibleKinds.Model.Create(seed: 3);
        model.AllowUntrained = true;
        model.Dispose();
        model.Dispose(); // twice is fine

        var image = data.Samples[0].Path;
        var calls = new Action[]
        {
            () => model.Predict(image),
            () => model.Predict([image, image]),
            () => model.Evaluate(data),
            () => model.Train(data),
            () => model.ExportOnnx(temp.File("m.onnx")),
            () => model.Save(temp.File("m.imgdsl")),
        };
        foreach (var call in calls)
        {
            var error = Assert.Throws<ObjectDisposedException>(call);
            Assert.Equal("ImageDsl.Tests.Modeling.CompatibleKinds model", error.ObjectName);
        }
        Assert.True(model.IsDisposed);
        Assert.False(File.Exists(temp.File("m.imgdsl")) || File.Exists(temp.File("m.onnx")));
    }

    [Fact]
    public void Predicting_while_another_thread_disposes_never_crashes()
    {
        using var temp = new TemporaryDirectory();
        var data = SmallRun.Data(temp.Path, 16);
        var images = Enumerable.Repeat(data.Samples.Select(s => s.Path), 8).SelectMany(p => p).ToArray(); // 128 images: two batches
        var path = temp.File("m.imgdsl");
        using (var trained = CompatibleKinds.Model.Create(seed: 3)) trained.Save(path);

        const int Runs = 200;
        int finished = 0, refused = 0;
        var unexpected = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var random = new Random(5);
        for (int run = 0; run < Runs; run++)
        {
            var model = CompatibleKinds.Model.Load(path);
            using var start = new Barrier(3);
            var predictors = Enumerable.Range(0, 2).Select(_ => new Thread(() =>
            {
                start.SignalAndWait();
                try
                {
                    if (model.Predict(images).Count == images.Length) Interlocked.Increment(ref finished);
                }
                catch (ObjectDisposedException e) when (e.ObjectName == "ImageDsl.Tests.Modeling.CompatibleKinds model")
                {
                    Interlocked.Increment(ref refused);
                }
                catch (Exception e)
                {
                    unexpected.Enqueue(e); // asserted on the test's thread: an exception escaping a thread would end the test host
                }
            })).ToArray();
            foreach (var thread in predictors) thread.Start();
            int delay = random.Next(0, 3);
            start.SignalAndWait();
            if (delay > 0) Thread.Sleep(delay);
            model.Dispose();
            foreach (var thread in predictors) thread.Join();
        }
        output.WriteLine($"{Runs} races of 2 Predict calls with Dispose: {finished} calls finished, {refused} refused with ObjectDisposedException, no crash");
        Assert.Empty(unexpected);
        Assert.Equal(2 * Runs, finished + refused);
    }
}
