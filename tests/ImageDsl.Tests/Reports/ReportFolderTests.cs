using System.Text.Json.Nodes;
using ImageDsl.Evaluation;

namespace ImageDsl.Tests.Reports;

/// <summary>A report folder holds one run's files, names images relative to itself, and writes squared units right.</summary>
public class ReportFolderTests
{
    [Fact]
    public void A_second_report_removes_what_only_the_first_one_wrote_and_nothing_else()
    {
        using var temp = new TemporaryDirectory();
        var folder = Path.Combine(temp.Path, "report");
        var samples = new[] { ReportFixtures.Sample(0, 1, 0.9f, 2, "a.png"), ReportFixtures.Sample(1, 1, 0.8f, 2, "b.png") };
        var regression = ReportFixtures.Regression("Area", "px", [new RegressionSample("a.png", 1, 2), new RegressionSample("b.png", 3, 3)]);
        ReportFixtures.Result(ReportFixtures.Classification("IsSquare", ["no", "yes"], samples), regression).WriteReport(folder);
        Assert.True(File.Exists(Path.Combine(folder, "IsSquare-worst.png")));
        Assert.True(File.Exists(Path.Combine(folder, "Area-predictions.csv")));
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "mine");

        // The second run has no mistakes on IsSquare and no Area target: their old files must go.
        var right = new[] { ReportFixtures.Sample(0, 0, 0.9f, 2, "a.png"), ReportFixtures.Sample(1, 1, 0.8f, 2, "b.png") };
        var written = ReportFixtures.Result(ReportFixtures.Classification("IsSquare", ["no", "yes"], right)).WriteReport(folder);

        Assert.False(File.Exists(Path.Combine(folder, "IsSquare-worst.png")));
        Assert.False(File.Exists(Path.Combine(folder, "Area-predictions.csv")));
        Assert.True(File.Exists(Path.Combine(folder, "notes.txt"))); // not a report's file
        var left = Directory.GetFiles(folder).Select(Path.GetFileName).Where(n => n != "notes.txt").Order().ToArray();
        Assert.Equal(written.Select(Path.GetFileName).Order().ToArray(), left);
    }

    [Fact]
    public void Image_paths_in_json_markdown_and_csv_are_relative_to_the_report_folder()
    {
        using var temp = new TemporaryDirectory();
        var image = Path.Combine(temp.Path, "data", "images", "a.png");
        var folder = Path.Combine(temp.Path, "out", "report");
        var samples = new[] { ReportFixtures.Sample(0, 1, 0.9f, 2, image) };
        ReportFixtures.Result(ReportFixtures.Classification("IsSquare", ["no", "yes"], samples)).WriteReport(folder);

        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "report.json")))!;
        Assert.Equal("../../data/images/a.png", (string)json["targets"]![0]!["worstPredictions"]![0]!["image"]!);
        Assert.Contains("../../data/images/a.png", File.ReadAllText(Path.Combine(folder, "IsSquare-predictions.csv")));
        Assert.Contains("(<../../data/images/a.png>)", File.ReadAllText(Path.Combine(folder, "report.md")));
        Assert.DoesNotContain(temp.Path, File.ReadAllText(Path.Combine(folder, "report.json")));
        // Outside a report the paths are as given.
        Assert.Contains(image.Replace("\\", "\\\\"), ReportFixtures.Result(ReportFixtures.Classification("IsSquare", ["no", "yes"], samples)).ToJson());
    }

    [Theory]
    [InlineData("px", "MSE (px²)")]
    [InlineData("px²", "MSE ((px²)²)")]
    [InlineData("m/s", "MSE ((m/s)²)")]
    [InlineData("degrees", "MSE (degrees²)")]
    public void A_squared_unit_is_written_once_squared(string unit, string expected)
    {
        var regression = ReportFixtures.Regression("Area", unit, [new RegressionSample("a.png", 1, 2), new RegressionSample("b.png", 3, 3)]);
        var markdown = regression.ToMarkdown();
        Assert.Contains(expected, markdown);
        Assert.DoesNotContain("²²", markdown);
    }
}
