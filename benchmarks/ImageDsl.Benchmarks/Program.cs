using System.Globalization;
using System.Runtime.InteropServices;
using ImageDsl.Benchmarks;
using ImageDsl.Native;
using TorchSharp;

// Usage: dotnet run -c Release --project benchmarks/ImageDsl.Benchmarks -- [--quick | --smoke] [--threads N] [--no-pytorch] [--only WORKLOAD] [--onnx]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
bool quick = args.Contains("--quick");
bool smoke = args.Contains("--smoke");
int threads = args.SkipWhile(a => a != "--threads").Skip(1).Select(int.Parse).FirstOrDefault(2);
var effort = smoke ? Effort.Smoke : quick ? Effort.Quick : Effort.Full;
string? only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
// Also times batch-1 prediction through an ONNX Runtime session of the model's own export.
bool onnx = args.Contains("--onnx");

LibTorch.EnsureLoaded();
torch.set_num_threads(threads);
Console.WriteLine($"# ImageDsl benchmark ({(smoke ? "smoke test, figures meaningless" : quick ? "quick" : "full")}: {effort.Rounds} interleaved rounds; per measurement {effort.TrainSteps} training batches of {Workload.TrainBatch}, " +
                  $"{effort.InferenceBatches} inference batches of {Workload.InferenceBatch}, {effort.LatencyRepetitions} single-image predictions for ResNet-18 and ResNet-50; times each workload's scale for the cheaper ones: 12 for SmallCnn, 6, 3 and 2 for MobileNetV3-Small, -Large and EfficientNet-B0)");
Console.WriteLine();
Console.WriteLine($"- Machine: {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}; load average at start {LoadAverage()}");
Console.WriteLine($"- .NET {Environment.Version}, TorchSharp {typeof(torch).Assembly.GetName().Version}: intra-op threads {torch.get_num_threads()}, inter-op threads {torch.get_num_interop_threads()}");

using var pytorch = args.Contains("--no-pytorch") ? null : PyTorchWorker.Start(threads);
if (pytorch is null)
    Console.WriteLine($"- PyTorch: skipped — {(args.Contains("--no-pytorch") ? "--no-pytorch given" : PyTorchWorker.SkipReason)}");
else
    Console.WriteLine($"- PyTorch {pytorch.Info["torch"]} ({pytorch.Info["python"]}) / torchvision {pytorch.Info["torchvision"]}: intra-op threads {pytorch.Info["threads"]}, inter-op threads {pytorch.Info["interop_threads"]}; " +
                      $"build {string.Join(" ", pytorch.Info["build"]!.AsArray().Select(n => n!.GetValue<string>()))}; " +
                      $"BLAS loaded: {string.Join(", ", pytorch.Info["blas_loaded"]!.AsArray().Select(n => n!.GetValue<string>()))}");
Console.WriteLine("- Figures are each side's best round (images/s by the wall clock; latency: median of the round's single-image calls).");
Console.WriteLine("- Ratios are speed ratios, ImageDsl ÷ other: above 1 means ImageDsl is faster. \"best\" compares best rounds; \"paired\" is the median of");
Console.WriteLine("  per-round ratios, [min–max] beside it, by elapsed time (\"wall\") or by the process's CPU time (\"CPU\", all threads).");
Console.WriteLine();

var root = Path.Combine(Path.GetTempPath(), "imagedsl-benchmark-" + Environment.ProcessId);
var notes = new List<string>();
try
{
    var header = pytorch is null
        ? "| workload | measure (best round) | ImageDsl | hand-written TorchSharp | ÷ hand: best | ÷ hand: paired, wall | ÷ hand: paired, CPU |"
        : "| workload | measure (best round) | ImageDsl | hand-written TorchSharp | ÷ hand: best | ÷ hand: paired, wall | ÷ hand: paired, CPU | PyTorch | ÷ PyTorch: best | ÷ PyTorch: paired, wall | ÷ PyTorch: paired, CPU |";
    Console.WriteLine(header);
    Console.WriteLine(string.Concat(header.Split('|', StringSplitOptions.RemoveEmptyEntries).Select(_ => "| --- ")) + "|");
    foreach (var workload in Workload.All.Where(w => only is null || w.Name == only))
    {
        using var ours = new OurSide(workload, effort, Path.Combine(root, workload.Name));
        using var hand = new HandWrittenLoop(workload, effort);
        // Both sides must build the same network; a count that differs means the PyTorch one drifted.
        if (pytorch?.Setup(workload, effort) is { } theirs && theirs != hand.ParameterCount)
            throw new InvalidOperationException($"{workload.Name}: PyTorch's network has {theirs:N0} parameters and ImageDsl's {hand.ParameterCount:N0}; the comparison would not be of the same network.");

        var measurements = new List<Measurement>
        {
            Measure($"train img/s (batch {Workload.TrainBatch})", false, ours.Train, hand.Train, pytorch is null ? null : () => pytorch.Train(workload)),
        };
        if (workload.Inference)
        {
            measurements.Add(Measure($"inference img/s (batch {Workload.InferenceBatch})", false, ours.Infer, hand.Infer, pytorch is null ? null : () => pytorch.Infer(workload)));
            int n = workload.LatencyRepetitions(effort);
            using var ort = onnx ? new OnnxRuntimeSide(ours.Model, ours.Single!, Path.Combine(root, workload.Name, "onnx"), threads) : null;
            var latency = Measure("batch-1 latency ms", true, () => ours.Latency(n), () => hand.Latency(n), pytorch is null ? null : () => pytorch.Latency(workload, n),
                ort is null ? null : () => ort.Latency(n));
            measurements.Add(latency);
            if (ort is not null) notes.Add(OnnxNote(workload, latency));
        }
        foreach (var m in measurements) Console.WriteLine(Row(workload, m, pytorch is null ? 2 : 3));
    }
}
finally
{
    try { Directory.Delete(root, recursive: true); } catch (IOException) { }
}
Console.WriteLine();
foreach (var note in notes) Console.WriteLine(note);
if (notes.Count > 0) Console.WriteLine();
Console.WriteLine($"Load average at the end: {LoadAverage()} (other programs' share of the {Environment.ProcessorCount} cores is what makes rounds disagree).");
return 0;

// 1, 5 and 15-minute load averages: how busy the machine was, which the figures depend on.
static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

Measurement Measure(string name, bool isLatency, Func<Timing> ours, Func<Timing> hand, Func<Timing>? py, Func<Timing>? ort = null)
{
    var sides = new List<(string, Func<Timing>)> { ("ImageDsl", ours), ("hand-written", hand) };
    if (py is not null) sides.Add(("PyTorch", py));
    if (ort is not null) sides.Add(("ONNX Runtime", ort));
    return new Measurement(name, isLatency, sides).Run(effort.Rounds);
}

// The ONNX Runtime side is the last one; its ratios are against each of the others.
static string OnnxNote(Workload workload, Measurement m)
{
    int ort = m.Sides.Count - 1;
    var against = Enumerable.Range(0, ort).Select(s => $"÷ {m.Sides[s]} paired, wall {Ratio(m.SpeedRatio(ort, s, false))}, CPU {Ratio(m.SpeedRatio(ort, s, true))}");
    return $"- {workload.Name}: ONNX Runtime batch-1 latency (the model's own export) {m.Best(ort):F2} ms best round; {string.Join("; ", against)}";
}

static string Row(Workload workload, Measurement m, int tableSides)
{
    string format = m.IsLatency ? "F2" : "F0";
    var cells = new List<string> { workload.Name, m.Name, m.Best(0).ToString(format), m.Best(1).ToString(format) };
    for (int side = 1; side < Math.Min(tableSides, m.Sides.Count); side++)
    {
        if (side > 1) cells.Add(m.Best(side).ToString(format));
        cells.AddRange([m.BestRatio(side).ToString("F2"), Ratio(m.SpeedRatio(side, false)), Ratio(m.SpeedRatio(side, true))]);
    }
    return "| " + string.Join(" | ", cells) + " |";
}

static string Ratio((double Median, double Min, double Max) r) => $"{r.Median:F2} [{r.Min:F2}–{r.Max:F2}]";
