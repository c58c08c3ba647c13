// Measures, in one process and interleaved so machine noise hits both sides alike:
//   1. data pipeline throughput against what training consumes (goal: at least 3x),
//   2. images/s of ImageDsl's training loop against a minimal hand-written TorchSharp loop
//      on the same network and data (goal: at least 0.97x),
//   3. process memory from epoch 2 to epoch 10 (goal: under 5 % growth).
// dotnet run -c Release --project benchmarks/Pipeline -- [--data DIR] [--rounds N]
using System.Diagnostics;
using ImageDsl;
using ImageDsl.Benchmarks.Pipeline;
using ImageDsl.Data;
using ImageDsl.Training;
using TorchSharp;
using static TorchSharp.torch;

string data = Path.Combine(AppContext.BaseDirectory, "data", "digits", "train");
int rounds = 3;
for (int i = 0; i + 1 < args.Length; i += 2)
{
    if (args[i] == "--data") data = args[i + 1];
    else if (args[i] == "--rounds") rounds = int.Parse(args[i + 1]);
    else { Console.Error.WriteLine($"unknown option {args[i]}; usage: --data DIR --rounds N"); return 2; }
}
if (!Directory.Exists(data)) { Console.Error.WriteLine($"data folder not found: {data}"); return 2; }

Console.WriteLine($"TorchSharp threads: {get_num_threads()}, processors: {Environment.ProcessorCount}, data: {data}");
var dataset = BenchDigits.LoadDataset(data);
Console.WriteLine($"{dataset.Count} images of 28x28x1, batch 64, SmallCnn backbone");

// 1. Pipeline: decoding from files (what a first epoch or a streamed dataset costs), and
//    batches from the decoded cache with augmentation (what every later epoch costs).
var clock = Stopwatch.StartNew();
using (var streamed = dataset.WithOptions(new DatasetOptions { CacheLimitBytes = 0 }).Batches)
{
    for (int start = 0; start < streamed.Count; start += 64)
        streamed.Take(BatchSource.Range(start, Math.Min(64, streamed.Count - start))).Images.Dispose();
}
double decodeRate = dataset.Count / clock.Elapsed.TotalSeconds;

var cached = dataset.Batches;
var normalization = Normalization.Default(1);
var augmentation = new Augmentation { Shift = 2, Rotation = 10, Scale = 0.1 };
using var generator = new Generator(1);
clock.Restart();
int served = 0;
while (clock.Elapsed.TotalSeconds < 2)
{
    using var scope = NewDisposeScope();
    var order = randperm(cached.Count, generator: generator).data<long>().ToArray();
    for (int start = 0; start + 64 <= order.Length; start += 64, served += 64)
    {
        var (images, _, _) = cached.Take(order[start..(start + 64)]);
        normalization.ApplyToUnit(Augment.Apply(images.to_type(ScalarType.Float32).div_(255f), augmentation, generator).Images);
    }
}
double cachedRate = served / clock.Elapsed.TotalSeconds;

// 2. Our loop against a hand-written one, interleaved.
var ours = new List<double>();
var handWritten = new List<double>();
for (int round = 0; round < rounds; round++)
{
    ours.Add(Loops.OurLoop(dataset));
    handWritten.Add(Loops.HandWrittenLoop(dataset));
    Console.WriteLine($"round {round + 1}: ImageDsl loop {ours[^1],7:F0} images/s, hand-written loop {handWritten[^1],7:F0} images/s");
}
double trainRate = Median(ours);

Console.WriteLine();
Console.WriteLine("| measure | value | goal |");
Console.WriteLine("| --- | --- | --- |");
Console.WriteLine($"| training consumes (ImageDsl loop, median) | {trainRate:F0} images/s | |");
Console.WriteLine($"| hand-written TorchSharp loop (median) | {Median(handWritten):F0} images/s | |");
Console.WriteLine($"| ImageDsl loop / hand-written loop | {trainRate / Median(handWritten):F3} | >= 0.97 |");
Console.WriteLine($"| cached pipeline with augmentation | {cachedRate:F0} images/s, {cachedRate / trainRate:F1}x training | >= 3x |");
Console.WriteLine($"| decoding from PNG files ({Environment.ProcessorCount} threads) | {decodeRate:F0} images/s, {decodeRate / trainRate:F2}x training | first epoch / streaming only |");

// 3. Memory across epochs.
var rss = Loops.ResidentMemoryPerEpoch(dataset, epochs: 10);
double growth = (rss[9] - rss[1]) / rss[1];
Console.WriteLine($"| resident memory, epoch 2 -> epoch 10 | {rss[1] / 1e6:F0} MB -> {rss[9] / 1e6:F0} MB ({growth:P1}) | < 5 % |");
return 0;

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}
