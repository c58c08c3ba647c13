// Trains a digit classifier on a folder-per-class dataset and writes its test report.
//   dotnet run -c Release --project examples/DigitClassifier -- --train ../shared/datasets/digits/train --test ../shared/datasets/digits/test
using System.Diagnostics;
using ImageDsl;
using ImageDsl.Examples;
using ImageDsl.Training;

return ExampleMain.Run("DigitClassifier", args, Path.Combine("out", "digit-classifier"), arguments =>
{
    var clock = Stopwatch.StartNew();
    var train = DigitClassifier.LoadDataset(arguments.Train);
    var test = DigitClassifier.LoadDataset(arguments.Test);
    Console.WriteLine($"{train.Count} training and {test.Count} test images");

    using var model = DigitClassifier.Model.Create(seed: 1);
    // The spec's [Augment] is used, since the options leave Augmentation unset. AdamW with a
    // one-cycle schedule: a short warm-up to a high rate, then a long decay.
    var options = new TrainingOptions
    {
        Epochs = arguments.Epochs ?? 30,
        Optimizer = OptimizerKind.AdamW,
        LearningRate = 2e-3,
        WeightDecay = 0.05,
        Schedule = LearningRateSchedule.OneCycle,
    };
    var history = ConsoleProgress.Run("DigitClassifier", progress => model.Train(train, options, progress));

    var evaluation = model.Evaluate(test);
    evaluation.WriteReport(arguments.Out, history);
    model.Save(Path.Combine(arguments.Out, "digit-classifier.imgdsl"));
    Console.WriteLine(evaluation.ToMarkdown());
    Console.WriteLine($"test accuracy {evaluation.Digit.Metrics.Accuracy:P2}; wall time {clock.Elapsed:mm\\:ss}; report and model in {Path.GetFullPath(arguments.Out)}");
    return 0;
});
