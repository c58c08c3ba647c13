// Trains a rotation-angle regressor on a labels.csv dataset and writes its test metrics.
//   dotnet run --project examples/RotationEstimator -- --train ../shared/datasets/rotation/train --test ../shared/datasets/rotation/test
using System.Diagnostics;
using ImageDsl.Examples;
using ImageDsl.Training;

const string program = "RotationEstimator";
var arguments = ExampleArguments.Parse(args, Path.Combine("out", "rotation-estimator"), out var error);
if (arguments is null)
{
    if (!string.IsNullOrEmpty(error)) Console.Error.WriteLine($"error: {error}");
    Console.Error.WriteLine(ExampleArguments.Usage(program));
    return string.IsNullOrEmpty(error) ? 0 : 2;
}

try
{
    var clock = Stopwatch.StartNew();
    var train = RotationEstimator.LoadDataset(arguments.Train);
    var test = RotationEstimator.LoadDataset(arguments.Test);
    Console.WriteLine($"{train.Count} training and {test.Count} test images");

    using var model = RotationEstimator.Model.Create(seed: 1);
    var options = new TrainingOptions { Epochs = arguments.Epochs ?? 40, Augmentation = new Augmentation { Shift = 2, Scale = 0.1 } };
    var history = ConsoleProgress.Run("RotationEstimator", progress => model.Train(train, options, progress));

    var evaluation = model.Evaluate(test);
    Console.WriteLine(evaluation.ToMarkdown());
    evaluation.WriteReport(arguments.Out, history);
    model.Save(Path.Combine(arguments.Out, "rotation-estimator.imgdsl"));
    Console.WriteLine($"test RMSE {evaluation.Angle.Metrics.Rmse:F2} degrees, MAE {evaluation.Angle.Metrics.Mae:F2}; wall time {clock.Elapsed:mm\\:ss}; report and model in {Path.GetFullPath(arguments.Out)}");
    return 0;
}
catch (Exception e) when (e is ImageDsl.Data.DatasetException or IOException or InvalidOperationException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
