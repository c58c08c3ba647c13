using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ImageDsl.Benchmarks;

/// <summary>
/// The PyTorch side, run by <c>pytorch_worker.py</c> in a python3 process kept open for the
/// whole run, so its measurements interleave with ours. Null from <see cref="Start"/> means
/// PyTorch is not available here; <see cref="SkipReason"/> says why.
/// </summary>
internal sealed class PyTorchWorker : IDisposable
{
    private readonly Process process;

    private PyTorchWorker(Process process, JsonObject info)
    {
        this.process = process;
        Info = info;
    }

    /// <summary>What the worker reported about itself: versions, threads, BLAS.</summary>
    public JsonObject Info { get; }

    public static string? SkipReason { get; private set; }

    /// <summary>
    /// Starts the worker with the first interpreter that can import torch: $IMAGEDSL_PYTHON if
    /// set, then python3 on the PATH, then Debian's /usr/bin/python3 (where apt's python3-torch
    /// lives even when a pyenv or venv python3 comes first on the PATH).
    /// </summary>
    public static PyTorchWorker? Start(int threads)
    {
        var candidates = new[] { Environment.GetEnvironmentVariable("IMAGEDSL_PYTHON"), "python3", "/usr/bin/python3" };
        foreach (var python in candidates.OfType<string>().Where(p => p.Length > 0).Distinct())
            if (TryStart(python, threads) is { } worker) return worker;
        return null;
    }

    private static PyTorchWorker? TryStart(string python, int threads)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "pytorch_worker.py");
        var start = new ProcessStartInfo(python, $"\"{script}\" --threads {threads}")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        // Debian's PyTorch reads these too; pin them so it cannot take more cores than we do.
        start.Environment["OMP_NUM_THREADS"] = threads.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["OPENBLAS_NUM_THREADS"] = threads.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            SkipReason = $"{python} cannot be started ({e.Message})";
            return null;
        }
        if (process is null) { SkipReason = $"{python} cannot be started"; return null; }
        var worker = new PyTorchWorker(process, new JsonObject());
        var info = worker.Send(new JsonObject { ["cmd"] = "info" });
        if (info is null || info["error"] is not null)
        {
            SkipReason = $"{python}: " + (info?["error"]?.GetValue<string>() ?? "the PyTorch worker exited without answering");
            worker.Dispose();
            return null;
        }
        info["python"] = python;
        return new PyTorchWorker(process, info);
    }

    /// <summary>Builds the workload's network and data in the worker; returns the network's parameter count.</summary>
    public long Setup(Workload workload, Effort effort) => Expect(Send(new JsonObject
    {
        ["cmd"] = "setup", ["workload"] = workload.Name, ["train_steps"] = workload.TrainSteps(effort), ["inference_batches"] = workload.InferenceBatches(effort),
    }))["parameters"]!.GetValue<long>();

    public Timing Train(Workload workload) => Value(new JsonObject { ["cmd"] = "train", ["workload"] = workload.Name });

    public Timing Infer(Workload workload) => Value(new JsonObject { ["cmd"] = "infer", ["workload"] = workload.Name });

    public Timing Latency(Workload workload, int repetitions) =>
        Value(new JsonObject { ["cmd"] = "latency", ["workload"] = workload.Name, ["repetitions"] = repetitions });

    private Timing Value(JsonObject command)
    {
        var answer = Expect(Send(command));
        return new Timing(answer["images"]!.GetValue<double>(), answer["wall"]!.GetValue<double>(), answer["cpu"]!.GetValue<double>());
    }

    private static JsonObject Expect(JsonObject? answer) =>
        answer is null ? throw new InvalidOperationException("The PyTorch worker exited.")
        : answer["error"] is { } error ? throw new InvalidOperationException($"PyTorch worker: {error}")
        : answer;

    private JsonObject? Send(JsonObject command)
    {
        try
        {
            process.StandardInput.WriteLine(command.ToJsonString());
            process.StandardInput.Flush();
        }
        catch (IOException)
        {
            // The worker exits right away when torch cannot be imported; its answer is still readable.
        }
        var line = process.StandardOutput.ReadLine();
        return line is null ? null : JsonNode.Parse(line) as JsonObject;
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.StandardInput.WriteLine(new JsonObject { ["cmd"] = "quit" }.ToJsonString());
                process.StandardInput.Close();
                if (!process.WaitForExit(5000)) process.Kill();
            }
        }
        catch (IOException) { }
        process.Dispose();
    }
}
