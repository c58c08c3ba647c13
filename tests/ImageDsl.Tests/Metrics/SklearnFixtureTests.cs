using System.Text.Json;
using ImageDsl.Metrics;
using Xunit.Abstractions;

namespace ImageDsl.Tests.Metrics;

/// <summary>
/// Every case of <c>../shared/fixtures/metrics-sklearn.json</c>, fed sample by sample to the
/// matching accumulator; every expected value must agree with scikit-learn 1.2.1 to 1e-6.
/// Skipped, with the path looked at, where <c>../shared</c> is absent.
/// </summary>
public class SklearnFixtureTests(ITestOutputHelper output)
{
    public static TheoryData<int, string> Cases() => SklearnFixture.Cases();

    [RequiresSharedTheory(SklearnFixture.RelativePath)]
    [MemberData(nameof(Cases))]
    public void Case_matches_scikit_learn(int index, string kind)
    {
        var fixture = SklearnFixture.Case(index);
        (object result, IReadOnlyDictionary<string, string> reasons) = kind switch
        {
            "multiclass" => Pair(Multiclass(fixture), m => m.UndefinedReasons),
            "binary" => Pair(Binary(fixture), b => b.UndefinedReasons),
            "multilabel" => Pair(Multilabel(fixture), l => l.UndefinedReasons),
            "regression" => Pair(Regression(fixture), r => r.UndefinedReasons),
            _ => throw new InvalidOperationException($"case {index}: unknown kind '{kind}'; add an accumulator for it"),
        };

        var expected = fixture.GetProperty("expected");
        var differences = FixtureComparer.Differences(expected, result, reasons);
        output.WriteLine($"case {index} ({kind}): {expected.EnumerateObject().Count()} expected keys compared");
        foreach (var reason in reasons)
        {
            output.WriteLine($"  undefined {reason.Key}: {reason.Value}");
        }

        Assert.True(
            differences.Count == 0,
            $"case {index} ({kind}) differs from scikit-learn:\n  " + string.Join("\n  ", differences));
    }

    private static (object, IReadOnlyDictionary<string, string>) Pair<T>(T result, Func<T, IReadOnlyDictionary<string, string>> reasons)
        where T : notnull => (result, reasons(result));

    private static MulticlassMetrics Multiclass(JsonElement fixture)
    {
        var classes = fixture.GetProperty("classes").GetInt32();
        var accumulator = new MulticlassMetricsAccumulator(
            Enumerable.Range(0, classes).Select(c => $"class{c}").ToArray());
        var truth = SklearnFixture.Ints(fixture.GetProperty("y_true"));
        var scores = SklearnFixture.Rows(fixture.GetProperty("y_score"));
        for (var i = 0; i < truth.Length; i++)
        {
            accumulator.Add(truth[i], scores[i]);
        }

        return accumulator.Compute();
    }

    private static BinaryMetrics Binary(JsonElement fixture)
    {
        var accumulator = new BinaryMetricsAccumulator(fixture.GetProperty("threshold").GetDouble());
        var truth = SklearnFixture.Ints(fixture.GetProperty("y_true"));
        var scores = SklearnFixture.Doubles(fixture.GetProperty("y_score"));
        for (var i = 0; i < truth.Length; i++)
        {
            accumulator.Add(truth[i] == 1, scores[i]);
        }

        return accumulator.Compute();
    }

    private static MultilabelMetrics Multilabel(JsonElement fixture)
    {
        var truth = fixture.GetProperty("y_true").EnumerateArray()
            .Select(row => SklearnFixture.Ints(row).Select(v => v == 1).ToArray()).ToArray();
        var scores = SklearnFixture.Rows(fixture.GetProperty("y_score"));
        var labels = Enumerable.Range(0, scores[0].Length).Select(l => $"label{l}").ToArray();
        var threshold = fixture.GetProperty("threshold");
        var accumulator = threshold.ValueKind == JsonValueKind.Array
            ? new MultilabelMetricsAccumulator(labels, SklearnFixture.Doubles(threshold))
            : new MultilabelMetricsAccumulator(labels, threshold.GetDouble());
        for (var i = 0; i < truth.Length; i++)
        {
            accumulator.Add(truth[i], scores[i]);
        }

        return accumulator.Compute();
    }

    private static RegressionMetrics Regression(JsonElement fixture)
    {
        var truth = SklearnFixture.Rows(fixture.GetProperty("y_true"));
        var predicted = SklearnFixture.Rows(fixture.GetProperty("y_pred"));
        var accumulator = new RegressionMetricsAccumulator(fixture.GetProperty("outputs").GetInt32());
        for (var i = 0; i < truth.Length; i++)
        {
            accumulator.Add(truth[i], predicted[i]);
        }

        return accumulator.Compute();
    }
}
