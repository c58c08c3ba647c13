using System.Text;
using ImageDsl.Data;

namespace ImageDsl.Tests.Hardening;

/// <summary>Manifests that cannot lie: each way a CSV used to be read as something other than it says is refused naming the line, or read as meant.</summary>
public class ManifestTests
{
    private static string Image => Directory.GetFiles(RepositoryPaths.BundledData("digits", "test", "0"))[0];

    private static DatasetException Refused(TemporaryDirectory temp, params string[] lines)
    {
        File.WriteAllLines(temp.File("labels.csv"), lines);
        return Assert.Throws<DatasetException>(() => ImageDataset.FromCsv(TestSpecs.Rotation(), temp.File("labels.csv")));
    }

    private static TemporaryDirectory WithImages(params string[] names)
    {
        var temp = new TemporaryDirectory();
        foreach (var name in names)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(temp.File(name))!);
            File.Copy(Image, temp.File(name));
        }
        return temp;
    }

    [Fact]
    public void A_duplicated_target_column_is_refused_naming_it()
    {
        using var temp = WithImages("a.png");
        var error = Refused(temp, "file,angle,angle", "a.png,1,2");
        Assert.Contains("names column 'angle' 2 times (columns 2, 3)", error.Message);
    }

    [Fact]
    public void A_duplicated_file_column_and_file_with_path_are_refused_naming_them()
    {
        using var temp = WithImages("a.png");
        Assert.Contains("names column 'file' 2 times (columns 1, 3)", Refused(temp, "file,angle,file", "a.png,1,a.png").Message);
        Assert.Contains("2 image columns ('file' (column 1), 'path' (column 3))", Refused(temp, "file,angle,path", "a.png,1,a.png").Message);
    }

    [Theory]
    [InlineData("../outside.png")]
    [InlineData("images/../../outside.png")]
    public void Paths_outside_the_dataset_folder_are_refused_unless_allowed(string file)
    {
        using var outer = new TemporaryDirectory();
        File.Copy(Image, outer.File("outside.png"));
        var folder = Path.Combine(outer.Path, "dataset");
        Directory.CreateDirectory(Path.Combine(folder, "images"));
        var manifest = Path.Combine(folder, "labels.csv");
        File.WriteAllLines(manifest, ["file,angle", $"{file},1"]);

        var error = Assert.Throws<DatasetException>(() => ImageDataset.FromCsv(TestSpecs.Rotation(), manifest));
        var allowed = ImageDataset.FromCsv(TestSpecs.Rotation(), manifest, options: new DatasetOptions { AllowPathsOutsideDataset = true });

        Assert.Equal(2, Assert.Single(error.Problems).Line);
        Assert.Contains("outside the dataset folder", error.Message);
        Assert.Contains(nameof(DatasetOptions.AllowPathsOutsideDataset), error.Message);
        Assert.Equal(outer.File("outside.png"), Assert.Single(allowed.Samples).Path);
        Assert.True(allowed.Options.AllowPathsOutsideDataset);
    }

    [Fact]
    public void The_same_image_with_different_labels_is_refused_naming_both_lines()
    {
        using var temp = WithImages("a.png", "b.png");
        var error = Refused(temp, "file,angle", "a.png,1", "b.png,2", "./a.png,3");
        Assert.Contains("is listed on line 2 and on line 4 with different labels", Assert.Single(error.Problems).Message);
        Assert.Equal(4, error.Problems[0].Line);

        File.WriteAllLines(temp.File("labels.csv"), ["file,angle", "a.png,1", "a.png,1"]); // the same labels twice: one sample
        Assert.Equal(1, ImageDataset.FromCsv(TestSpecs.Rotation(), temp.File("labels.csv")).Count);
    }

    [Fact]
    public void A_file_that_is_not_an_image_is_refused_at_load_naming_file_and_line()
    {
        using var temp = WithImages("a.png");
        File.WriteAllText(temp.File("notes.png"), "file,angle");
        var error = Refused(temp, "file,angle", "a.png,1", "labels.csv,2", "notes.png,3");
        Assert.Equal([3, 4], error.Problems.Select(p => p.Line!.Value));
        Assert.Contains(temp.File("labels.csv") + " is not an image", error.Message);
        Assert.Contains(temp.File("notes.png") + " is not an image", error.Message);
    }

    [Fact]
    public void Lines_of_spaces_are_skipped_like_empty_lines()
    {
        using var temp = WithImages("a.png");
        File.WriteAllLines(temp.File("labels.csv"), ["file,angle", "   ", "a.png,1", " \t ", ""]);
        Assert.Equal(1, ImageDataset.FromCsv(TestSpecs.Rotation(), temp.File("labels.csv")).Count);
    }

    [Fact]
    public void An_NFD_name_in_the_manifest_finds_the_NFC_file_and_the_other_way_round()
    {
        var nfc = "caf\u00e9.png";
        var nfd = nfc.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(nfc, nfd);
        using var temp = WithImages(nfc, "images/" + nfd);
        File.WriteAllLines(temp.File("labels.csv"), ["file,angle", $"{nfd},1", $"images/{nfc},2"]);

        var data = ImageDataset.FromCsv(TestSpecs.Rotation(), temp.File("labels.csv"));

        Assert.Equal([temp.File(nfc), temp.File("images/" + nfd)], data.Samples.Select(s => s.Path));
    }

    [Theory]
    [InlineData(';')]
    [InlineData('\t')]
    public void A_semicolon_or_tab_separated_manifest_is_read(char separator)
    {
        using var temp = WithImages("a.png", "b.png");
        File.WriteAllLines(temp.File("labels.csv"), [$"file{separator}angle", $"a.png{separator}1.5", $"b.png{separator}-2"]);

        var data = ImageDataset.FromCsv(TestSpecs.Rotation(), temp.File("labels.csv"));

        Assert.Equal([1.5f, -2f], data.Samples.Select(s => s.Targets[0]));
    }

    [Fact]
    public void A_manifest_without_an_image_column_says_what_was_found()
    {
        using var temp = WithImages("a.png");
        var error = Refused(temp, "picture|angle", "a.png|1");
        Assert.Contains("no image column", error.Message);
        Assert.Contains("1 column separated by commas", error.Message);
    }
}
