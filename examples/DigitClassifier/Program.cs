// Trains a digit classifier on a folder-per-class dataset and writes its test report.
//   dotnet run -c Release --project examples/DigitClassifier -- --train ../shared/datasets/digits/train --test ../shared/datasets/digits/test
// With --hinge first, the same model is trained with categorical hinge instead of cross-entropy.
// With --calibrate first, a tenth of the training split is held out to fit temperature scaling,
// and the test report gives the calibration error before and after.
using System.Diagnostics;
using ImageDsl;
using ImageDsl.Data;
using ImageDsl.Evaluation;
using ImageDsl.Examples;
using ImageDsl.Training;

bool hinge = args.Length > 0 && args[0] == "--hinge";
if (hinge) args = args[1..];
bool calibrate = args.Length > 0 && args[0] == "--calibrate";
if (calibrate) args = args[1..];
if (hinge && calibrate) { Console.Error.WriteLine("--hinge and --calibrate do not go together: a model trained on hinge scores has no probabilities to calibrate"); return 2; }
return ExampleMain.Run("DigitClassifier", args, Path.Combine("out", hinge ? "digit-classifier-hinge" : "digit-classifier"), arguments => hinge
    ? Run(arguments, DigitClassifierHinge.LoadDataset, () =>
    {
        var model = DigitClassifierHinge.Model.Create(seed: 1);
        return new Trainable(model, (data, options, progress) => model.Train(data, options, progress), data => model.Evaluate(data).Result, model.Save, null);
    }, calibrate: false)
    : Run(arguments, DigitClassifier.LoadDataset, () =>
    {
        var model = DigitClassifier.Model.Create(seed: 1);
        return new Trainable(model, (data, options, progress) => model.Train(data, options, progress), data => model.Evaluate(data).Result, model.Save,
            held =>
            {
                model.Calibrate(held);
                return model.Calibration.Temperatures(0)![0];
            });
    }, calibrate));

// One recipe for both losses: everything but the spec's loss is the same.
static int Run(ExampleArguments arguments, Func<string, ImageDataset> load, Func<Trainable> create, bool calibrate)
{
    var clock = Stopwatch.StartNew();
    var train = load(arguments.Train);
    var test = load(arguments.Test);
    ImageDataset? held = null;
    if (calibrate) (train, held) = train.Split(0.1, seed: 1);
    Console.WriteLine($"{train.Count} training{(held is null ? "" : $", {held.Count} calibration")} and {test.Count} test images");

    var model = create();
    using var _ = model.Model;
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

    string calibration = "";
    if (held is not null)
    {
        var before = ((ClassificationEvaluation)model.Evaluate(test).Targets[0]).Calibration!;
        float temperature = model.Calibrate!(held);
        var after = ((ClassificationEvaluation)model.Evaluate(test).Targets[0]).Calibration!;
        calibration = $"temperature {temperature:F3} fitted on {held.Count} held-out images; test ECE {before.ExpectedCalibrationError:F4} -> {after.ExpectedCalibrationError:F4}, " +
                      $"MCE {before.MaximumCalibrationError:F4} -> {after.MaximumCalibrationError:F4}, Brier {before.Brier:F5} -> {after.Brier:F5}; ";
    }
    var evaluation = model.Evaluate(test);
    evaluation.WriteReport(arguments.Out, history);
    model.Save(Path.Combine(arguments.Out, "digit-classifier.imgdsl"));
    Console.WriteLine(evaluation.ToMarkdown());
    var accuracy = ((ClassificationEvaluation)evaluation.Targets[0]).Metrics.Accuracy;
    Console.WriteLine($"test accuracy {accuracy:P2}; {calibration}wall time {clock.Elapsed:mm\\:ss}; report and model in {Path.GetFullPath(arguments.Out)}");
    return 0;
}

/// <summary>What the recipe needs of a model, whichever spec it was generated from.</summary>
internal sealed record Trainable(IDisposable Model, Func<ImageDataset, TrainingOptions, IProgress<TrainingProgress>, TrainingHistory> Train,
    Func<ImageDataset, EvaluationResult> Evaluate, Action<string> Save, Func<ImageDataset, float>? Calibrate);
