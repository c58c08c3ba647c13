// Built from the packed ImageDsl and ImageDsl.AspNetCore alone, outside the repository (see
// WebConsumerProjectTests). `WebConsumer DATA`: trains a tiny model for one epoch on the images
// in DATA, saves it, prints its own prediction of the first image, then serves the saved file on
// a free loopback port (/predict and /health) and prints the address. Stops when its standard
// input closes, so a test that dies without killing it does not leave a server behind.
using ImageDsl.AspNetCore;
using ImageDsl.Training;
using WebConsumerApp;

var folder = args[0];
var modelPath = Path.Combine(folder, "model.imgdsl");
var image = Directory.GetFiles(Path.Combine(folder, "images")).Order(StringComparer.Ordinal).First();
using (var model = DigitAngle.Model.Create(seed: 1))
{
    model.Train(DigitAngle.LoadCsv(Path.Combine(folder, "labels.csv")), new TrainingOptions { Epochs = 1, BatchSize = 4 });
    model.Save(modelPath);
    var p = model.Predict(image);
    Console.WriteLine($"in-process: {p.Digit} {p.DigitProbabilities[p.Digit]:F4} {p.Angle:F3}");
}

var builder = WebApplication.CreateBuilder(args[1..]);
builder.WebHost.UseUrls("http://127.0.0.1:0");
// A small upload limit, so the test's oversize request need not be large.
builder.Services.AddImageModel<DigitAngle.Model>(modelPath, o => o.MaxRequestBytes = 64 << 10);
await using var app = builder.Build();
app.MapImagePrediction<DigitAngle.Model>("/predict");
app.MapHealthChecks("/health");

await app.StartAsync();
Console.WriteLine($"listening: {app.Urls.First()}");
if (Console.IsInputRedirected)
{
    _ = Task.Run(() =>
    {
        while (Console.In.ReadLine() is not null) { }
        app.Lifetime.StopApplication();
    });
}
await app.WaitForShutdownAsync();

namespace WebConsumerApp
{
    /// <summary>The digits in the sample.</summary>
    public enum Digit
    {
        /// <summary>The digit 0.</summary>
        Zero,

        /// <summary>The digit 1.</summary>
        One,
    }

    /// <summary>A digit and the angle it was rotated by: one target of each kind.</summary>
    [ImageDsl.ImageModel(Width = 28, Height = 28, Channels = 1)]
    public partial class DigitAngle
    {
        /// <summary>Which digit.</summary>
        [ImageDsl.Labels] public Digit Digit { get; init; }

        /// <summary>The rotation, counter-clockwise.</summary>
        [ImageDsl.Range(-45, 45, Unit = "degrees")] public float Angle { get; init; }
    }
}
