using ImageDsl.Evaluation;
using ImageDsl.Reports;
using static ImageDsl.Tests.Reports.ReportFixtures;

namespace ImageDsl.Tests.Reports;

public class WorstPredictionsTests
{
    [Fact]
    public void Classification_picks_mistakes_most_confident_first_and_never_a_correct_image()
    {
        ClassificationSample[] samples =
        [
            Sample(truth: 0, predicted: 0, confidence: 0.99f, classes: 3), // right, and very sure: never picked
            Sample(truth: 0, predicted: 1, confidence: 0.60f, classes: 3),
            Sample(truth: 1, predicted: 2, confidence: 0.95f, classes: 3),
            Sample(truth: 2, predicted: 2, confidence: 0.40f, classes: 3),
            Sample(truth: 2, predicted: 0, confidence: 0.80f, classes: 3),
        ];

        Assert.Equal([2, 4, 1], WorstPredictions.Classification(samples, 10));
        Assert.Equal([2, 4], WorstPredictions.Classification(samples, 2));
        Assert.Empty(WorstPredictions.Classification(samples, 0));
    }

    [Fact]
    public void Classification_ties_go_to_the_lower_probability_of_the_truth_then_to_dataset_order()
    {
        ClassificationSample[] samples =
        [
            new("a.png", 0, [0.1f, 0.7f, 0.2f]),
            new("b.png", 0, [0.05f, 0.7f, 0.25f]), // as confident as a, but gave the truth less
            new("c.png", 2, [0.2f, 0.7f, 0.1f]),   // same as a by both keys: dataset order decides
        ];

        Assert.Equal([1, 0, 2], WorstPredictions.Classification(samples, 3));
    }

    [Fact]
    public void Classification_with_no_mistake_picks_nothing()
    {
        Assert.Empty(WorstPredictions.Classification([Sample(1, 1, 0.9f, 2), Sample(0, 0, 0.6f, 2)], 16));
    }

    [Fact]
    public void Regression_picks_the_largest_absolute_errors_whatever_their_sign()
    {
        RegressionSample[] samples = [new("a", 0, 1), new("b", 0, -5), new("c", 10, 13), new("d", 3, 3), new("e", 0, 5)];

        Assert.Equal([1, 4, 2], WorstPredictions.Regression(samples, 3));
    }

    [Fact]
    public void The_report_json_lists_the_same_samples_the_sheet_shows()
    {
        var target = Digits();
        var expected = WorstPredictions.Classification(target.Samples, 5).Select(i => target.Samples[i].ImagePath).ToArray();

        var json = System.Text.Json.Nodes.JsonNode.Parse(Result(target).ToJson())!;
        var listed = json["targets"]![0]!["worstPredictions"]!.AsArray().Take(5).Select(w => (string)w!["image"]!).ToArray();

        Assert.Equal(expected, listed);
    }
}
