// Classifies emoji artwork (Noto Color Emoji, SIL OFL 1.1) into Unicode's nine groups.
//   dotnet run -c Release --project examples/EmojiGroups -- --train TRAIN --test TEST [--epochs N] [--out DIR]
// TRAIN and TEST hold one folder per group (smileys, people, animals, ...); examples/EmojiGroups/README.md
// says how the held-out split used to tune it was made from ../shared/datasets/emoji/groups/train.
using System.Diagnostics;
using ImageDsl.Examples;

return ExampleMain.Run("EmojiGroups", args, Path.Combine("out", "emoji-groups"), arguments =>
{
    var clock = Stopwatch.StartNew();
    var result = ConsoleProgress.Run("EmojiGroups", progress => EmojiGroupsRecipe.Run(arguments, progress));
    Console.WriteLine($"{result.TrainImages} training and {result.TestImages} test images");
    Console.WriteLine(result.Markdown);
    Console.WriteLine($"test macro F1 {result.MacroF1:F3}, accuracy {result.Accuracy:P1}; wall time {clock.Elapsed:mm\\:ss}; report and model in {Path.GetFullPath(arguments.Out)}");
    return 0;
});
