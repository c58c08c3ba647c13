// Load test: throughput and latency of a model served by ImageDsl.AspNetCore on a real Kestrel
// (loopback, HttpClient, raw image/png bodies) at 1, 8 and 32 concurrent clients, against calling
// Predict(bytes) directly in this process with the same number of threads.
//   dotnet run -c Release --project benchmarks/Serving -- [--model digits.imgdsl] [--seconds 5] [--maxBatch 16] [--maxWaitMs 2]
// Without --model the network keeps its seeded initial weights (AllowUntrained): the cost of a
// forward pass does not depend on what the weights are.
using System.Diagnostics;
using System.Net.Http.Headers;
using ImageDsl.AspNetCore;
using ImageDsl.Benchmarks.Serving;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

string? Arg(string name) => args.SkipWhile(a => a != "--" + name).Skip(1).FirstOrDefault();
double seconds = double.Parse(Arg("seconds") ?? "5", System.Globalization.CultureInfo.InvariantCulture);
int maxBatch = int.Parse(Arg("maxBatch") ?? "16");
double maxWaitMs = double.Parse(Arg("maxWaitMs") ?? "2", System.Globalization.CultureInfo.InvariantCulture);
int[] levels = (Arg("clients") ?? "1,8,32").Split(',').Select(int.Parse).ToArray();

LoadDigit.Model Open()
{
    if (Arg("model") is { } path) return LoadDigit.Model.Load(path);
    var fresh = LoadDigit.Model.Create(seed: 1);
    fresh.AllowUntrained = true;
    return fresh;
}

var images = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "data", "digits", "test"), "*.png", SearchOption.AllDirectories)
    .Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();
Console.WriteLine($"{images.Length} test images; {Environment.ProcessorCount} cores; {seconds:0.#} s per level; batching: at most {maxBatch}, wait {maxWaitMs} ms.");

var builder = WebApplication.CreateSlimBuilder();
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Logging.ClearProviders();
builder.Services.AddImageModel(_ => Open(), o => { o.MaxBatchSize = maxBatch; o.MaxWait = TimeSpan.FromMilliseconds(maxWaitMs); });
await using var app = builder.Build();
app.MapImagePrediction<LoadDigit.Model>("/predict");
await app.StartAsync();
var batcher = app.Services.GetRequiredService<PredictionBatcher<LoadDigit.Model>>();
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(app.Urls.First()) };
using var direct = Open();

async Task Http(int i)
{
    using var content = new ByteArrayContent(images[i % images.Length]);
    content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
    using var response = await http.PostAsync("/predict", content);
    response.EnsureSuccessStatusCode();
    await response.Content.ReadAsByteArrayAsync();
}

Task Direct(int i) { direct.Predict(images[i % images.Length].AsSpan()); return Task.CompletedTask; }

// Each client sends one request after another until the time is up; latencies are per request.
async Task<(int Count, double Seconds, double P50, double P99)> Run(int clients, Func<int, Task> call, bool threads)
{
    var stop = Stopwatch.StartNew();
    var until = TimeSpan.FromSeconds(seconds);
    var latencies = new List<double>[clients];
    async Task Client(int c)
    {
        var mine = latencies[c] = [];
        for (int i = c; stop.Elapsed < until; i += clients)
        {
            long start = Stopwatch.GetTimestamp();
            await call(i);
            mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    }
    // Direct calls are synchronous, so each client gets a thread of its own; HTTP clients are async.
    await Task.WhenAll(Enumerable.Range(0, clients).Select(c => threads ? Task.Factory.StartNew(() => Client(c), TaskCreationOptions.LongRunning).Unwrap() : Client(c)));
    var all = latencies.SelectMany(l => l).Order().ToArray();
    double Quantile(double q) => all[Math.Min(all.Length - 1, (int)Math.Ceiling(q * all.Length) - 1)];
    return (all.Length, stop.Elapsed.TotalSeconds, Quantile(0.50), Quantile(0.99));
}

// Warm-up: first requests load libtorch kernels, JIT the endpoint and open connections.
for (int i = 0; i < 64; i++) { await Http(i); await Direct(i); }

Console.WriteLine();
Console.WriteLine("| path | clients | requests | throughput (img/s) | p50 (ms) | p99 (ms) | forward passes | mean batch |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
foreach (int clients in levels)
{
    long requests0 = batcher.Requests, batches0 = batcher.Batches;
    var h = await Run(clients, Http, threads: false);
    long passes = batcher.Batches - batches0;
    Console.WriteLine($"| HTTP (Kestrel, loopback) | {clients} | {h.Count} | {h.Count / h.Seconds:0} | {h.P50:0.00} | {h.P99:0.00} | {passes} | {(batcher.Requests - requests0) / (double)Math.Max(1, passes):0.0} |");
    var d = await Run(clients, Direct, threads: true);
    Console.WriteLine($"| Predict(bytes) direct | {clients} | {d.Count} | {d.Count / d.Seconds:0} | {d.P50:0.00} | {d.P99:0.00} | {d.Count} | 1.0 |");
}
await app.StopAsync();
