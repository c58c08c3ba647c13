using System.Text.Json;
using ImageDsl.Metrics;
using Xunit.Abstractions;

namespace ImageDsl.Tests.Metrics;

/// <summary>
/// Every case of <c>Fixtures/ordinal-sklearn.json</c> (written by
/// <c>Fixtures/make_ordinal_fixture.py</c> with scikit-learn 1.2.1, checked in so that no test
/// needs Python), fed sample by sample to <see cref="OrdinalMetricsAccumulator"/>: every
/// expected value must agree to 1e-9.
/// </summary>
public class OrdinalFixtureTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-9;

    private static readonly Lazy<JsonElement[]> AllCases = new(Load);

    public static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        for (var i = 0; i < AllCases.Value.Length; i++)
        {
            data.Add(i, AllCases.Value[i].GetProperty("name").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_matches_scikit_learn_over_all_ranks(int index, string name)
    {
        var fixture = AllCases.Value[index];
        var metrics = Compute(fixture);
        var expected = fixture.GetProperty("expected");
        var checks = new Dictionary<string, Action<JsonElement>>
        {
            ["count"] = e => Assert.Equal(e.GetInt64(), metrics.Count),
            ["accuracy"] = e => Near(e, metrics.Accuracy, metrics, nameof(OrdinalMetrics.Accuracy)),
            ["mae"] = e => Near(e, metrics.Mae, metrics, nameof(OrdinalMetrics.Mae)),
            ["rmse"] = e => Near(e, metrics.Rmse, metrics, nameof(OrdinalMetrics.Rmse)),
            ["within_one_rank"] = e => Near(e, metrics.WithinOneRank, metrics, nameof(OrdinalMetrics.WithinOneRank)),
            ["quadratic_weighted_kappa"] = e =>
                Near(e, metrics.QuadraticWeightedKappa, metrics, nameof(OrdinalMetrics.QuadraticWeightedKappa)),
            ["expected_rank_mae"] = e => Near(e, metrics.ExpectedRankMae, metrics, nameof(OrdinalMetrics.ExpectedRankMae)),
            ["expected_rank_rmse"] = e => Near(e, metrics.ExpectedRankRmse, metrics, nameof(OrdinalMetrics.ExpectedRankRmse)),
            ["confusion_matrix"] = e => Assert.Equal(
                e.EnumerateArray().Select(row => row.EnumerateArray().Select(c => c.GetInt64()).ToArray()).ToArray(),
                metrics.ConfusionMatrix.ToArray()),
        };

        // Every expected key is checked: a key added to the generator fails here until it is.
        Assert.Equal(checks.Keys.Order(), expected.EnumerateObject().Select(p => p.Name).Order());
        foreach (var entry in expected.EnumerateObject())
        {
            checks[entry.Name](entry.Value);
        }

        output.WriteLine($"{name}: kappa {metrics.QuadraticWeightedKappa?.ToString("R") ?? "undefined"}");
    }

    /// <summary>
    /// Without <c>labels=</c>, scikit-learn weights ranks by their position among the ranks
    /// present; with ranks 2 and 3 absent that makes rank 4 "next" to rank 1. The model scores
    /// against all K ranks, so its kappa is the <c>labels=range(K)</c> one, and here the two differ.
    /// </summary>
    [Fact]
    public void Kappa_weights_rank_differences_not_positions_among_the_ranks_present()
    {
        var fixture = AllCases.Value.Single(c => c.GetProperty("name").GetString() == "ranks missing in the middle K=5");
        var presentOnly = fixture.GetProperty("kappa_present_ranks_only").GetDouble();
        var overAllRanks = fixture.GetProperty("expected").GetProperty("quadratic_weighted_kappa").GetDouble();
        Assert.True(Math.Abs(presentOnly - overAllRanks) > 0.01, "the fixture case no longer tells the two conventions apart");

        var kappa = Compute(fixture).QuadraticWeightedKappa;

        MetricAssert.Near(overAllRanks, kappa, Tolerance);
    }

    /// <summary>Where every rank between the lowest and highest present occurs, both conventions agree.</summary>
    [Fact]
    public void Kappa_equals_scikit_learns_default_when_no_rank_inside_the_range_is_missing()
    {
        var compared = 0;
        foreach (var fixture in AllCases.Value.Where(c => c.GetProperty("kappa_present_ranks_only").ValueKind == JsonValueKind.Number))
        {
            var present = SklearnFixture.Ints(fixture.GetProperty("y_true")).Concat(SklearnFixture.Ints(fixture.GetProperty("y_pred"))).Distinct().ToArray();
            if (present.Length != present.Max() - present.Min() + 1)
            {
                continue;
            }

            MetricAssert.Near(fixture.GetProperty("kappa_present_ranks_only").GetDouble(), Compute(fixture).QuadraticWeightedKappa, Tolerance);
            compared++;
        }

        Assert.True(compared >= 5, $"only {compared} fixture cases without gaps");
    }

    private static void Near(JsonElement expected, double? actual, OrdinalMetrics metrics, string property)
    {
        if (expected.ValueKind == JsonValueKind.Null)
        {
            Assert.Null(actual);
            Assert.True(metrics.UndefinedReasons.ContainsKey(property), $"{property} is null without a reason");
            return;
        }

        Assert.True(actual is not null, $"{property} is undefined: {metrics.UndefinedReasons.GetValueOrDefault(property)}");
        Assert.True(
            Math.Abs(expected.GetDouble() - actual!.Value) <= Tolerance,
            $"{property}: scikit-learn {expected.GetDouble():R}, computed {actual.Value:R}");
    }

    private static OrdinalMetrics Compute(JsonElement fixture)
    {
        var ranks = fixture.GetProperty("ranks").GetInt32();
        var accumulator = new OrdinalMetricsAccumulator(Enumerable.Range(0, ranks).Select(r => $"rank{r}").ToArray());
        var truth = SklearnFixture.Ints(fixture.GetProperty("y_true"));
        var predicted = SklearnFixture.Ints(fixture.GetProperty("y_pred"));
        var expectedRank = SklearnFixture.Doubles(fixture.GetProperty("expected_rank"));
        for (var i = 0; i < truth.Length; i++)
        {
            accumulator.Add(truth[i], predicted[i], expectedRank[i]);
        }

        return accumulator.Compute();
    }

    private static JsonElement[] Load()
    {
        var path = Path.Combine(RepositoryPaths.Root, "tests", "ImageDsl.Tests", "Metrics", "Fixtures", "ordinal-sklearn.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.Clone()).ToArray();
    }
}
