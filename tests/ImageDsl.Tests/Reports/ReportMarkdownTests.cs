using static ImageDsl.Tests.Reports.ReportFixtures;

namespace ImageDsl.Tests.Reports;

public class ReportMarkdownTests
{
    [Fact]
    public void The_report_has_summary_per_class_and_confusion_tables_and_embeds_its_plots()
    {
        using var temp = new TemporaryDirectory();
        Result(Digits(), Rotation()).WriteReport(temp.Path, History());

        var md = File.ReadAllText(temp.File("report.md"));

        Assert.StartsWith("# Evaluation of Tests.Model", md);
        Assert.Contains("| images | 200 |", md);
        Assert.Contains("## Digit: classification", md);
        Assert.Contains("| metric | value |", md);
        Assert.Contains("| label | precision | recall | F1 | ROC AUC | average precision | support |", md);
        Assert.Contains("| true \\ predicted | Zero | One | Two | Three | Four | Five | Six | Seven | Eight | Nine |", md);
        Assert.Contains("| **Nine** |", md);
        Assert.Contains("## Angle: regression (degrees)", md);
        Assert.Contains("| MAE (degrees) |", md);
        foreach (var png in new[] { "Digit-confusion.png", "Digit-roc.png", "Digit-pr.png", "Digit-worst.png", "Angle-scatter.png", "Angle-residuals.png", "Angle-worst.png", "loss.png" })
            Assert.Contains($"]({png})", md);
        // Links to the images on the worst-predictions table resolve from the report folder.
        Assert.Matches(@"\| 1 \| \[\d-\d{4}\.png\]\(<[^>]+\.png>\) \| ", md);
    }

    [Fact]
    public void Undefined_metrics_show_their_reason_not_a_number()
    {
        var target = Classification("T", ["a", "b", "c"], [Sample(0, 0, 0.8f, 3), Sample(1, 1, 0.7f, 3), Sample(0, 2, 0.5f, 3)]);

        var md = Result(target).ToMarkdown();

        Assert.Contains("| ROC AUC (one-vs-rest, macro) | undefined: one-vs-rest ROC AUC is undefined for class(es) 'c'", md);
        Assert.Contains("| c | 0.0000 | 0.0000 | 0.0000 | undefined | undefined | 0 |", md);
        Assert.Contains("- ROC AUC of c: 'c' never occurs in the truth", md);
    }

    [Fact]
    public void Table_cells_escape_pipes()
    {
        var target = Classification("T", ["a|b", "c"], [Sample(0, 0, 0.8f, 2), Sample(1, 1, 0.7f, 2)]);

        Assert.Contains("| a\\|b |", Result(target).ToMarkdown());
    }
}
