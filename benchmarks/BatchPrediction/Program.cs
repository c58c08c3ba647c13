// Batch prediction, end to end from PNG files to typed predictions: PredictMany over a folder
// against PyTorch reading the same files with PIL through a DataLoader, same network (SmallCnn,
// 28x28 grey), same intra-op threads, same batch size. Rounds alternate which side goes first.
//   dotnet run -c Release --project benchmarks/BatchPrediction -- [--images 6000] [--rounds 3] [--batch 64] [--threads 2] [--folder DIR]
// Without --folder it writes --images PNG files (the examples' digits, repeated under new names)
// into a temporary folder. The network keeps its seeded initial weights (AllowUntrained): the
// cost of a forward pass does not depend on what the weights are.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ImageDsl.Benchmarks.BatchPrediction;
using ImageDsl.Serving;
using TorchSharp;

string? Arg(string name) => args.SkipWhile(a => a != "--" + name).Skip(1).FirstOrDefault();
int imageCount = int.Parse(Arg("images") ?? "6000", CultureInfo.InvariantCulture);
int rounds = int.Parse(Arg("rounds") ?? "3", CultureInfo.InvariantCulture);
int batch = int.Parse(Arg("batch") ?? "64", CultureInfo.InvariantCulture);
int threads = int.Parse(Arg("threads") ?? "2", CultureInfo.InvariantCulture);
int decoders = int.Parse(Arg("decoders") ?? $"{threads}", CultureInfo.InvariantCulture);
torch.set_num_threads(threads);

string folder = Arg("folder") ?? WriteImages(imageCount);
int files = Directory.GetFiles(folder, "*.png", SearchOption.AllDirectories).Length;
Console.WriteLine($"{files} PNG files in {folder}; {Environment.ProcessorCount} cores; {threads} intra-op threads per side; batch {batch}; {rounds} rounds.");

using var model = BenchDigit.Model.Create(seed: 1);
model.AllowUntrained = true;

async Task<double> Ours(IReadOnlyList<ImageSource> images)
{
    var clock = Stopwatch.StartNew();
    int predicted = 0;
    await foreach (var result in model.PredictMany(images, new BatchPredictionOptions { BatchSize = batch, DecodeParallelism = decoders }))
        if (result.Succeeded) predicted++;
    if (predicted != images.Count) throw new InvalidOperationException($"PredictMany predicted {predicted} of {images.Count} images.");
    return predicted / clock.Elapsed.TotalSeconds;
}

string? skip = null;
double? PyTorch(int workers)
{
    if (skip is not null) return null;
    foreach (var python in new[] { Environment.GetEnvironmentVariable("IMAGEDSL_PYTHON"), "python3", "/usr/bin/python3" }.OfType<string>().Where(p => p.Length > 0).Distinct())
    {
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "predict_many_pytorch.py"), folder, "--threads", $"{threads}", "--batch", $"{batch}", "--workers", $"{workers}" })
            start.ArgumentList.Add(a);
        start.Environment["OMP_NUM_THREADS"] = $"{threads}";
        start.Environment["OPENBLAS_NUM_THREADS"] = $"{threads}";
        Process process;
        try { process = Process.Start(start)!; } catch (Exception) { continue; }
        string output = process.StandardOutput.ReadToEnd();
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        if (line is null) { skip = $"{python}: no output ({errors.Trim()})"; continue; }
        using var json = JsonDocument.Parse(line);
        if (json.RootElement.TryGetProperty("error", out var error)) { skip = $"{python}: {error.GetString()}"; continue; }
        skip = null;
        return json.RootElement.GetProperty("images").GetInt32() / json.RootElement.GetProperty("seconds").GetDouble();
    }
    Console.WriteLine($"PyTorch side left out: {skip}");
    return null;
}

var sources = ImageSource.Folder(folder, recursive: true);
await Ours(sources.Take(256).ToArray()); // warm-up: libtorch kernels, JIT, file cache

// What each stage costs alone, on this machine: decoding in parallel (no network), and the
// network on already-decoded images (no files), so the note can say what limits the pipeline.
if (args.Contains("--stages"))
{
    var paths = sources.Select(s => s.Name).ToArray();
    var clock = Stopwatch.StartNew();
    var pixels = new byte[paths.Length][];
    Parallel.For(0, paths.Length, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
    {
        using var stream = File.OpenRead(paths[i]);
        pixels[i] = ImageDsl.Images.ImageLoader.Decode(stream, model.Spec.Input);
    });
    double decodeRate = paths.Length / clock.Elapsed.TotalSeconds;
    // The network's pass over every image, twice: the first pass is still slower than the rest
    // (as PredictMany's first round is), so both are printed.
    var forwardRates = new double[2];
    for (int pass = 0; pass < forwardRates.Length; pass++)
    {
        clock.Restart();
        for (int start = 0; start < pixels.Length; start += batch)
            model.PredictDecoded(pixels.AsSpan(start, Math.Min(batch, pixels.Length - start)).ToArray());
        forwardRates[pass] = pixels.Length / clock.Elapsed.TotalSeconds;
    }
    Console.WriteLine($"stages alone: decoding {decodeRate:0} img/s on {threads} threads; network and typed results {forwardRates[0]:0} img/s at batch {batch} on a first pass, {forwardRates[1]:0} on a second.");
}

var ours = new List<double>();
var torch0 = new List<double>();
var torch2 = new List<double>();
for (int round = 0; round < rounds; round++)
{
    bool oursFirst = round % 2 == 0;
    if (oursFirst) ours.Add(await Ours(sources));
    if (PyTorch(0) is { } a) torch0.Add(a);
    if (PyTorch(threads) is { } b) torch2.Add(b);
    if (!oursFirst) ours.Add(await Ours(sources));
    Console.WriteLine($"round {round + 1}: PredictMany {ours[^1]:0} img/s" + (torch0.Count > round ? $"; PyTorch DataLoader workers=0 {torch0[^1]:0}, workers={threads} {torch2[^1]:0} img/s" : ""));
}

static double Median(List<double> v) { var s = v.Order().ToArray(); return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2; }
Console.WriteLine();
Console.WriteLine("| side | images/s (median of rounds) | ÷ best PyTorch, paired per round |");
Console.WriteLine("| --- | ---: | ---: |");
if (torch0.Count == rounds)
{
    var best = Enumerable.Range(0, rounds).Select(r => Math.Max(torch0[r], torch2[r])).ToList();
    var ratios = Enumerable.Range(0, rounds).Select(r => ours[r] / best[r]).ToList();
    Console.WriteLine($"| ImageDsl PredictMany | {Median(ours):0} | {Median(ratios):0.00} [{ratios.Min():0.00}–{ratios.Max():0.00}] |");
    Console.WriteLine($"| PyTorch DataLoader, workers=0 | {Median(torch0):0} | |");
    Console.WriteLine($"| PyTorch DataLoader, workers={threads} | {Median(torch2):0} | |");
}
else
    Console.WriteLine($"| ImageDsl PredictMany | {Median(ours):0} | (no PyTorch) |");

static string WriteImages(int count)
{
    var originals = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "data", "digits"), "*.png", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
    var folder = Path.Combine(Path.GetTempPath(), $"imagedsl-batch-bench-{count}");
    Directory.CreateDirectory(folder);
    if (Directory.GetFiles(folder, "*.png").Length == count) return folder;
    foreach (var stale in Directory.GetFiles(folder)) File.Delete(stale);
    for (int i = 0; i < count; i++)
        File.Copy(originals[i % originals.Length], Path.Combine(folder, $"image-{i:D6}.png"));
    return folder;
}
