// Serves a digit classifier over HTTP:
//   dotnet run --project examples/Serving -- [--model digits.imgdsl | --onnx digits.onnx] [--urls http://127.0.0.1:5080]
// Without a model file it trains a small one (a few epochs on the bundled digits, under a minute)
// and serves that. Then:
//   curl -s --data-binary @examples/data/digits/test/3/<file>.png -H 'Content-Type: image/png' http://127.0.0.1:5080/predict
//   curl -s -F image=@<file>.png http://127.0.0.1:5080/predict
//   curl -s http://127.0.0.1:5080/health
using ImageDsl.AspNetCore;
using ImageDsl.Examples.Serving;
using ImageDsl.Training;

var builder = WebApplication.CreateSlimBuilder(args);
if (builder.Configuration["urls"] is null) builder.WebHost.UseUrls("http://127.0.0.1:5080");
var batching = (ImagePredictionOptions o) =>
{
    o.MaxBatchSize = builder.Configuration.GetValue("maxBatch", 16);
    o.MaxWait = TimeSpan.FromMilliseconds(builder.Configuration.GetValue("maxWaitMs", 2.0));
};

if (builder.Configuration["onnx"] is { } onnx)
{
    builder.Services.AddImageModel<ServedDigit.OnnxPredictor>(onnx, batching);
}
else
{
    var path = builder.Configuration["model"] ?? TrainSmallModel();
    builder.Services.AddImageModel<ServedDigit.Model>(path, batching);
}

var app = builder.Build();
if (builder.Configuration["onnx"] is not null) app.MapImagePrediction<ServedDigit.OnnxPredictor>("/predict");
else app.MapImagePrediction<ServedDigit.Model>("/predict");
app.MapHealthChecks("/health");
app.MapGet("/", () => "POST an image to /predict (raw image/png body or a multipart file); GET /health.");
app.Run();

// A few epochs on the bundled 1,000 digits: enough for a model that mostly reads digits right.
static string TrainSmallModel()
{
    var data = ServedDigit.LoadDataset(Path.Combine(AppContext.BaseDirectory, "data", "digits", "train"));
    using var model = ServedDigit.Model.Create(seed: 1);
    Console.WriteLine($"No --model given: training on {data.Count} bundled digits...");
    // SGD, not the default Adam: once in three runs here the fused Adam step (FusedAdamStep's
    // TorchScript call) threw "Scalar toLong: Expected false to be true" (2026-12-03); the next
    // runs trained with Adam fine. Reported, not yet understood; SGD avoids that path.
    var history = model.Train(data, new TrainingOptions { Epochs = 4, BatchSize = 32, Seed = 1, Optimizer = OptimizerKind.Sgd });
    var path = Path.Combine(Path.GetTempPath(), "imagedsl-serving-example.imgdsl");
    model.Save(path);
    Console.WriteLine($"Trained {history.Epochs.Count} epochs; serving {path}.");
    return path;
}
