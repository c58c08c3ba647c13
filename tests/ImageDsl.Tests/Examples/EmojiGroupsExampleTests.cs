using System.Text.Json.Nodes;
using ImageDsl.Examples;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ImageDsl.Tests.Examples;

/// <summary>
/// examples/EmojiGroups's spec, recipe and argument handling (compiled into this project from the
/// example's own files) on a few generated images, so the example is checked where
/// ../shared/datasets/emoji is absent.
/// </summary>
public class EmojiGroupsExampleTests
{
    private static readonly string[] Groups = ["smileys", "people", "animals", "food", "travel", "activities", "objects", "symbols", "flags"];

    /// <summary>A folder per group (lower case, as in the dataset), each image a disc in the group's own colour on white.</summary>
    private static string WriteSplit(string directory, int perGroup, int variant)
    {
        for (int g = 0; g < Groups.Length; g++)
        {
            Directory.CreateDirectory(Path.Combine(directory, Groups[g]));
            var colour = new Rgb24((byte)(g * 28), (byte)(255 - g * 28), (byte)(g % 3 * 120));
            for (int i = 0; i < perGroup; i++)
            {
                using var image = new Image<Rgb24>(40, 40, new Rgb24(255, 255, 255)); // not the model's 32x32: loading resizes
                int radius = 8 + (i + variant) % 4 * 2;
                for (int y = 0; y < 40; y++)
                    for (int x = 0; x < 40; x++)
                        if ((x - 20) * (x - 20) + (y - 20) * (y - 20) <= radius * radius) image[x, y] = colour;
                image.SaveAsPng(Path.Combine(directory, Groups[g], $"emoji-{i}.png"));
            }
        }
        return directory;
    }

    [Fact]
    public void The_example_trains_on_group_folders_and_writes_its_report_and_model()
    {
        using var temp = new TemporaryDirectory();
        var train = WriteSplit(Path.Combine(temp.Path, "train"), perGroup: 4, variant: 0);
        var test = WriteSplit(Path.Combine(temp.Path, "test"), perGroup: 2, variant: 1);
        var output = Path.Combine(temp.Path, "out");
        EmojiGroupsResult? result = null;

        int exit = ExampleMain.Run("EmojiGroups", ["--train", train, "--test", test, "--epochs", "1", "--out", output], "unused", arguments =>
        {
            result = EmojiGroupsRecipe.Run(arguments);
            return 0;
        });

        Assert.Equal(0, exit);
        Assert.NotNull(result);
        Assert.Equal(36, result.TrainImages);
        Assert.Equal(18, result.TestImages);
        Assert.InRange(result.MacroF1!.Value, 0, 1);
        Assert.True(File.Exists(Path.Combine(output, "report.md")));
        Assert.True(File.Exists(Path.Combine(output, EmojiGroupsRecipe.ModelFile)));

        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "report.json")))!;
        Assert.Equal(18, report["count"]!.GetValue<int>());
        Assert.Single(report["training"]!["epochs"]!.AsArray());
        var group = report["targets"]![0]!;
        Assert.Equal("Group", group["name"]!.GetValue<string>());
        Assert.Equal(["Smileys", "People", "Animals", "Food", "Travel", "Activities", "Objects", "Symbols", "Flags"],
            group["labels"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.Equal(result.Accuracy, group["metrics"]!["accuracy"]!.GetValue<double>());
        Assert.Equal(result.MacroF1, group["metrics"]!["f1Macro"]!.GetValue<double>());
        var perClass = group["perClass"]!.AsArray();
        Assert.Equal(9, perClass.Count);
        Assert.All(perClass, c => Assert.Equal(2, c!["support"]!.GetValue<int>()));
        var confusion = group["confusionMatrix"]!["counts"]!.AsArray();
        Assert.Equal(9, confusion.Count);
        Assert.Equal(18, confusion.Sum(row => row!.AsArray().Sum(n => n!.GetValue<int>())));
    }

    [Fact]
    public void A_group_folder_that_is_no_group_is_an_error_naming_it()
    {
        using var temp = new TemporaryDirectory();
        var train = WriteSplit(Path.Combine(temp.Path, "train"), perGroup: 1, variant: 0);
        Directory.CreateDirectory(Path.Combine(train, "component"));
        File.Copy(Path.Combine(train, "flags", "emoji-0.png"), Path.Combine(train, "component", "emoji-0.png"));
        var error = new StringWriter();
        var console = Console.Error;
        Console.SetError(error);
        try
        {
            int exit = ExampleMain.Run("EmojiGroups", ["--train", train, "--test", train, "--epochs", "1", "--out", Path.Combine(temp.Path, "out")], "unused",
                arguments => { EmojiGroupsRecipe.Run(arguments); return 0; });
            Assert.Equal(1, exit);
        }
        finally
        {
            Console.SetError(console);
        }
        Assert.Contains("component", error.ToString());
    }

    [Fact]
    public void Missing_or_bad_arguments_print_the_usage_and_train_nothing()
    {
        using var temp = new TemporaryDirectory();
        bool ran = false;
        Assert.Equal(2, ExampleMain.Run("EmojiGroups", ["--train", temp.Path], "unused", _ => { ran = true; return 0; }));
        Assert.Equal(2, ExampleMain.Run("EmojiGroups", ["--train", temp.Path, "--test", temp.Path, "--epochs", "0"], "unused", _ => { ran = true; return 0; }));
        Assert.False(ran);
    }
}
