// Predicts the skin tone (1-5) of emoji artwork three ways - an ordinal target, a regression rounded
// to the nearest tone, and plain classes - with the same backbone and budget, and compares them.
//   dotnet run -c Release --project examples/SkinTone -- --train TRAIN --test TEST [--epochs N] [--out DIR]
// TRAIN and TEST each hold labels.csv (file,tone) and the images; examples/SkinTone/README.md says
// how the held-out split used to tune it was made from ../shared/datasets/emoji/skintone/train.
using System.Diagnostics;
using System.Text.Json;
using ImageDsl;
using ImageDsl.Examples;
using ImageDsl.Metrics;
using ImageDsl.Training;

return ExampleMain.Run("SkinTone", args, Path.Combine("out", "skin-tone"), arguments =>
{
    var clock = Stopwatch.StartNew();
    var options = new TrainingOptions
    {
        Epochs = arguments.Epochs ?? 30,
        BatchSize = 32,
        Optimizer = OptimizerKind.AdamW,
        LearningRate = 2e-3,
        WeightDecay = 0.05,
        Schedule = LearningRateSchedule.OneCycle,
    };
    var tones = new[] { "1", "2", "3", "4", "5" };
    var results = new List<(string Name, OrdinalMetrics Metrics, TimeSpan Time)>();

    // The ordinal model is the example's own: its report is report.json in --out.
    results.Add(Run("ordinal", arguments.Out, () =>
    {
        var train = SkinToneOrdinal.LoadDataset(arguments.Train);
        var test = SkinToneOrdinal.LoadDataset(arguments.Test);
        using var model = SkinToneOrdinal.Model.Create(seed: 1);
        var history = ConsoleProgress.Run("ordinal", progress => model.Train(train, options, progress));
        model.Evaluate(test).WriteReport(arguments.Out, history);
        model.Save(Path.Combine(arguments.Out, "skin-tone-ordinal.imgdsl"));
        return Compare(test.Samples.Select(s => s.Path), test.Samples.Select(s => (int)s.Targets[0]), paths => model.Predict(paths).Select(p => p.Tone - 1));
    }));
    results.Add(Run("regression, rounded", Path.Combine(arguments.Out, "regression"), () =>
    {
        var train = SkinToneRegression.LoadDataset(arguments.Train);
        var test = SkinToneRegression.LoadDataset(arguments.Test);
        using var model = SkinToneRegression.Model.Create(seed: 1);
        var history = ConsoleProgress.Run("regression", progress => model.Train(train, options, progress));
        model.Evaluate(test).WriteReport(Path.Combine(arguments.Out, "regression"), history);
        return Compare(test.Samples.Select(s => s.Path), test.Samples.Select(s => (int)s.Targets[0] - 1),
            paths => model.Predict(paths).Select(p => (int)Math.Round(p.Tone, MidpointRounding.AwayFromZero) - 1));
    }));
    results.Add(Run("classes", Path.Combine(arguments.Out, "classes"), () =>
    {
        var train = SkinToneClasses.LoadDataset(arguments.Train);
        var test = SkinToneClasses.LoadDataset(arguments.Test);
        using var model = SkinToneClasses.Model.Create(seed: 1);
        var history = ConsoleProgress.Run("classes", progress => model.Train(train, options, progress));
        model.Evaluate(test).WriteReport(Path.Combine(arguments.Out, "classes"), history);
        return Compare(test.Samples.Select(s => s.Path), test.Samples.Select(s => (int)s.Targets[0]), paths => model.Predict(paths).Select(p => Array.IndexOf(tones, p.Tone)));
    }));

    Console.WriteLine();
    Console.WriteLine("| target | exact accuracy | MAE (tones) | RMSE (tones) | within ±1 | quadratic kappa | time |");
    Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    foreach (var (name, m, time) in results)
        Console.WriteLine($"| {name} | {m.Accuracy:P1} | {m.Mae:F3} | {m.Rmse:F3} | {m.WithinOneRank:P1} | {m.QuadraticWeightedKappa:F3} | {time:mm\\:ss} |");
    File.WriteAllText(Path.Combine(arguments.Out, "comparison.json"), JsonSerializer.Serialize(results.Select(r => new
    {
        target = r.Name, accuracy = r.Metrics.Accuracy, mae = r.Metrics.Mae, rmse = r.Metrics.Rmse, withinOneRank = r.Metrics.WithinOneRank,
        quadraticWeightedKappa = r.Metrics.QuadraticWeightedKappa, seconds = r.Time.TotalSeconds,
    }), new JsonSerializerOptions { WriteIndented = true }));
    Console.WriteLine($"wall time {clock.Elapsed:mm\\:ss}; reports in {Path.GetFullPath(arguments.Out)} (report.json: the ordinal model; comparison.json: all three)");
    return 0;

    static (string, OrdinalMetrics, TimeSpan) Run(string name, string folder, Func<OrdinalMetrics> train)
    {
        Directory.CreateDirectory(folder);
        var clock = Stopwatch.StartNew();
        var metrics = train();
        return (name, metrics, clock.Elapsed);
    }

    // The three models' test predictions scored the same way: tone indices 0..4, as ranks.
    static OrdinalMetrics Compare(IEnumerable<string> paths, IEnumerable<int> truths, Func<IReadOnlyList<string>, IEnumerable<int>> predict)
    {
        var metrics = new OrdinalMetricsAccumulator(["1", "2", "3", "4", "5"]);
        var predicted = predict(paths.ToArray()).ToArray();
        foreach (var (truth, rank) in truths.Zip(predicted)) metrics.Add(truth, Math.Clamp(rank, 0, 4), Math.Clamp(rank, 0, 4));
        return metrics.Compute();
    }
});
