// Trains a digit locator (class + bounding box) on a labels.csv dataset and writes its test report.
//   dotnet run --project examples/DigitLocator -c Release -- --train ../shared/datasets/boxes/train --test ../shared/datasets/boxes/test
using System.Diagnostics;
using System.Text.Json;
using ImageDsl.Examples;
using ImageDsl.Modeling;
using ImageDsl.Training;

return ExampleMain.Run("DigitLocator", args, Path.Combine("out", "digit-locator"), arguments =>
{
    var clock = Stopwatch.StartNew();
    var train = DigitLocator.LoadDataset(arguments.Train);   // generated binding: columns digit, x, y, w, h
    var test = DigitLocator.LoadDataset(arguments.Test);
    Console.WriteLine($"{train.Count} training and {test.Count} test images");

    using var model = DigitLocator.Model.Create(seed: 1);
    // Shifts and scales move the box with the image (exactly: the upright box around the moved
    // corners). No rotation: the turned box would be looser than the tight ink box it is scored on.
    var options = new TrainingOptions
    {
        Epochs = arguments.Epochs ?? 40, BatchSize = 64, LearningRate = 2e-3, Optimizer = OptimizerKind.AdamW, WeightDecay = 0.01,
        Augmentation = new Augmentation { Shift = 4, Scale = 0.1 },
    };
    var history = ConsoleProgress.Run("DigitLocator", progress => model.Train(train, options, progress));

    // Each test image is also predicted shifted 2 px left, right, up and down; the five boxes,
    // moved back, and the five class probabilities are averaged.
    var testTime = new TestTimeAugmentation { Shift = 2 };
    var evaluation = model.Evaluate(test, testTime);
    Console.WriteLine(evaluation.ToMarkdown());
    evaluation.WriteReport(arguments.Out, history);
    model.Save(Path.Combine(arguments.Out, "digit-locator.imgdsl"));

    var accuracy = evaluation.Digit.Metrics.Accuracy;
    var iou = evaluation.Box.Metrics.MeanIoU;
    var summary = new
    {
        accuracy, meanIoU = iou, boxMae = evaluation.Box.Metrics.Mae, epochs = options.Epochs, testTimeShift = testTime.Shift, wallSeconds = clock.Elapsed.TotalSeconds,
        cpuSeconds = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds, loadAverage = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : null,
    };
    File.WriteAllText(Path.Combine(arguments.Out, "summary.json"), JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true }));
    Console.WriteLine($"test accuracy {accuracy:P2}, mean IoU {iou:F3}, box MAE {evaluation.Box.Metrics.Mae:F2} px; wall time {clock.Elapsed:h\\:mm\\:ss}; report and model in {Path.GetFullPath(arguments.Out)}");
    return 0;
});
