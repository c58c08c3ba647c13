// Trains a multi-label digit tagger. The data is the folder-per-class digits dataset; each image's
// tags (even, greater than four, has a loop) are derived from its folder's digit in code.
//   dotnet run --project examples/DigitTags -c Release -- --train ../shared/datasets/digits/train --test ../shared/datasets/digits/test
using System.Diagnostics;
using ImageDsl;
using ImageDsl.Examples;
using ImageDsl.Images;
using ImageDsl.Training;

return ExampleMain.Run("DigitTags", args, Path.Combine("out", "digit-tags"), arguments =>
{
    var clock = Stopwatch.StartNew();
    using var model = DigitTagger.Model.Create(seed: 1);
    var train = model.CreateDataset(Tagged(arguments.Train));
    var test = model.CreateDataset(Tagged(arguments.Test));
    Console.WriteLine($"{train.Count} training and {test.Count} test images");

    var options = new TrainingOptions { Epochs = arguments.Epochs ?? 10, Augmentation = new Augmentation { Shift = 2 } };
    var history = ConsoleProgress.Run("DigitTags", progress => model.Train(train, options, progress));
    var evaluation = model.Evaluate(test);
    Console.WriteLine(evaluation.ToMarkdown());
    evaluation.WriteReport(arguments.Out, history);
    model.Save(Path.Combine(arguments.Out, "digit-tags.imgdsl"));

    var m = evaluation.Tags.Metrics;
    Console.WriteLine($"subset accuracy {m.SubsetAccuracy:P2}, Hamming loss {m.HammingLoss:F4}, F1 micro {m.F1Micro:F4}, ROC AUC macro {m.RocAucMacro:F4}; " +
                      $"wall time {clock.Elapsed:mm\\:ss}; report and model in {Path.GetFullPath(arguments.Out)}");
    return 0;
});

// DIR/<digit>/*.png, each image labelled with its digit's tags.
static IEnumerable<(string, DigitTagger)> Tagged(string directory)
{
    foreach (var folder in Directory.GetDirectories(directory).Order(StringComparer.Ordinal))
    {
        if (!int.TryParse(Path.GetFileName(folder), out var digit) || digit is < 0 or > 9)
            throw new InvalidOperationException($"{folder}: expected folders named 0 to 9");
        foreach (var file in Directory.GetFiles(folder).Where(f => ImageLoader.SupportedExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase)).Order(StringComparer.Ordinal))
            yield return (file, new DigitTagger { Tags = DigitTagger.TagsOf(digit) });
    }
}
