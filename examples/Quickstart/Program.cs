// ImageDsl in two models: a digit classifier and a rotation regressor, trained on the small
// sample bundled in examples/data, evaluated, saved, reloaded and asked for predictions.
//   dotnet run --project examples/Quickstart
using System.Diagnostics;
using ImageDsl.Examples;
using ImageDsl.Training;

var clock = Stopwatch.StartNew();
var data = Path.Combine(AppContext.BaseDirectory, "data");
var output = Path.Combine(Path.GetTempPath(), "imagedsl-quickstart");

// --- Classification -------------------------------------------------------------------
Console.WriteLine("== DigitClassifier: which digit is it? ==");
var digitsTrain = DigitClassifier.LoadDataset(Path.Combine(data, "digits", "train"));
var digitsTest = DigitClassifier.LoadDataset(Path.Combine(data, "digits", "test"));
Console.WriteLine($"{digitsTrain.Count} training images, {digitsTest.Count} test images");

using (var model = DigitClassifier.Model.Create(seed: 1))
{
    ConsoleProgress.Run("digits", progress => model.Train(digitsTrain, new TrainingOptions { Epochs = 15, Augmentation = new Augmentation { Shift = 2 } }, progress));
    Console.WriteLine(model.Evaluate(digitsTest).ToMarkdown());

    var file = Path.Combine(output, "digits.imgdsl");
    model.Save(file);
    using var reloaded = DigitClassifier.Model.Load(file);
    Console.WriteLine($"Saved to {file} and reloaded. Predictions of the reloaded model:");
    foreach (var sample in digitsTest.Samples.Where((_, i) => i % 40 == 0))
    {
        DigitClassifier.Prediction prediction = reloaded.Predict(sample.Path);
        Console.WriteLine($"  {Path.GetFileName(sample.Path),-12} -> {prediction.Digit,-6} ({prediction.DigitProbabilities[prediction.Digit]:P1}; next: {prediction.DigitProbabilities.Top(2)[1].Key})");
    }
}

// --- Regression -----------------------------------------------------------------------
Console.WriteLine();
Console.WriteLine("== RotationEstimator: how far was it rotated? ==");
var rotationTrain = RotationEstimator.LoadDataset(Path.Combine(data, "rotation", "train"));
var rotationTest = RotationEstimator.LoadDataset(Path.Combine(data, "rotation", "test"));
Console.WriteLine($"{rotationTrain.Count} training images, {rotationTest.Count} test images");

using (var model = RotationEstimator.Model.Create(seed: 1))
{
    ConsoleProgress.Run("rotation", progress => model.Train(rotationTrain, new TrainingOptions { Epochs = 20, Augmentation = new Augmentation { Shift = 2 } }, progress));
    Console.WriteLine(model.Evaluate(rotationTest).ToMarkdown());

    var file = Path.Combine(output, "rotation.imgdsl");
    model.Save(file);
    using var reloaded = RotationEstimator.Model.Load(file);
    Console.WriteLine($"Saved to {file} and reloaded. Predictions of the reloaded model:");
    foreach (var sample in rotationTest.Samples.Take(5))
    {
        RotationEstimator.Prediction prediction = reloaded.Predict(sample.Path);
        Console.WriteLine($"  {Path.GetFileName(sample.Path),-12} -> {prediction.Angle,6:F1} degrees (true {sample.Targets[0],6:F1})");
    }
}

Console.WriteLine($"\nDone in {clock.Elapsed:mm\\:ss}.");
