// Trains one model predicting a depth map and a segmentation mask on ../shared/datasets/scenes and writes its test report.
//   dotnet run -c Release --project examples/DepthEstimator -- --train ../shared/datasets/scenes/train --test ../shared/datasets/scenes/test
using System.Diagnostics;
using ImageDsl;
using ImageDsl.Examples;
using ImageDsl.Training;

return ExampleMain.Run("DepthEstimator", args, Path.Combine("out", "depth-estimator"), arguments =>
{
    var clock = Stopwatch.StartNew();
    var train = DepthEstimator.LoadDataset(arguments.Train);
    var test = DepthEstimator.LoadDataset(arguments.Test);
    Console.WriteLine($"{train.Count} training and {test.Count} test images, read in {clock.Elapsed:mm\\:ss}");

    using var model = DepthEstimator.Model.Create(seed: 1);
    var options = new TrainingOptions
    {
        Epochs = arguments.Epochs ?? 8,
        BatchSize = 32,
        Optimizer = OptimizerKind.AdamW,
        LearningRate = 3e-3,
        WeightDecay = 1e-4,
        Schedule = LearningRateSchedule.OneCycle,
    };
    var history = ConsoleProgress.Run("DepthEstimator", progress => model.Train(train, options, progress));
    var trained = clock.Elapsed;

    var evaluation = model.Evaluate(test);
    evaluation.WriteReport(arguments.Out, history);
    model.Save(Path.Combine(arguments.Out, "depth-estimator.imgdsl"));
    var sample = model.Predict(test.Samples[0].Path);
    sample.Depth.SavePreview(Path.Combine(arguments.Out, "sample-depth.png"));
    sample.Mask.SaveOverlay(test.Samples[0].Path, Path.Combine(arguments.Out, "sample-mask.png"));
    Console.WriteLine(evaluation.ToMarkdown());
    var d = evaluation.Depth.Metrics;
    var m = evaluation.Mask.Metrics;
    Console.WriteLine($"test depth AbsRel {d.AbsRel:F3}, RMSE {d.Rmse:F3} m, delta1 {d.Delta1:F3}; mask pixel accuracy {m.PixelAccuracy:P1}, mean IoU {m.MeanIoU:F3}; " +
                      $"training {trained:mm\\:ss}, wall time {clock.Elapsed:mm\\:ss}; report and model in {Path.GetFullPath(arguments.Out)}");
    return 0;
});
