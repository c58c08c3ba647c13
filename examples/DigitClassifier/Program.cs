// Trains a digit classifier on a folder-per-class dataset and writes its test report.
//   dotnet run -c Release --project examples/DigitClassifier -- --train ../shared/datasets/digits/train --test ../shared/datasets/digits/test
// With --hinge first, the same model is trained with categorical hinge instead of cross-entropy.
using System.Diagnostics;
using ImageDsl;
using ImageDsl.Data;
using ImageDsl.Evaluation;
using ImageDsl.Examples;
using ImageDsl.Training;

bool hinge = args.Length > 0 && args[0] == "--hinge";
if (hinge) args = args[1..];
return ExampleMain.Run("DigitClassifier", args, Path.Combine("out", hinge ? "digit-classifier-hinge" : "digit-classifier"), arguments => hinge
    ? Run(arguments, DigitClassifierHinge.LoadDataset, () =>
    {
        var model = DigitClassifierHinge.Model.Create(seed: 1);
        return new Trainable(model, (data, options, progress) => model.Train(data, options, progress), data => model.Evaluate(data).Result, model.Save);
    })
    : Run(arguments, DigitClassifier.LoadDataset, () =>
    {
        var model = DigitClassifier.Model.Create(seed: 1);
        return new Trainable(model, (data, options, progress) => model.Train(data, options, progress), data => model.Evaluate(data).Result, model.Save);
    }));

// One recipe for both losses: everything but the spec's loss is the same.
static int Run(ExampleArguments arguments, Func<string, ImageDataset> load, Func<Trainable> create)
{
    var clock = Stopwatch.StartNew();
    var train = load(arguments.Train);
    var test = load(arguments.Test);
    Console.WriteLine($"{train.Count} training and {test.Count} test images");

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

    var evaluation = model.Evaluate(test);
    evaluation.WriteReport(arguments.Out, history);
    model.Save(Path.Combine(arguments.Out, "digit-classifier.imgdsl"));
    Console.WriteLine(evaluation.ToMarkdown());
    var accuracy = ((ClassificationEvaluation)evaluation.Targets[0]).Metrics.Accuracy;
    Console.WriteLine($"test accuracy {accuracy:P2}; wall time {clock.Elapsed:mm\\:ss}; report and model in {Path.GetFullPath(arguments.Out)}");
    return 0;
}

/// <summary>What the recipe needs of a model, whichever spec it was generated from.</summary>
internal sealed record Trainable(IDisposable Model, Func<ImageDataset, TrainingOptions, IProgress<TrainingProgress>, TrainingHistory> Train,
    Func<ImageDataset, EvaluationResult> Evaluate, Action<string> Save);
