using ImageDsl.Metrics;

namespace ImageDsl.Tests.Metrics;

/// <summary>
/// The contract every result keeps: a property is null exactly when
/// <c>UndefinedReasons</c> explains it under the property's name.
/// </summary>
public class UndefinedReasonsTests
{
    /// <summary>Settings echoed on a result rather than computed; null there means "not configured".</summary>
    private static readonly string[] Settings = [nameof(RegressionMetrics.Tolerance)];

    private static readonly Dictionary<string, Func<object>> Results = new()
    {
        ["empty multiclass"] = () => new MulticlassMetricsAccumulator(["a", "b"]).Compute(),
        ["empty binary"] = () => new BinaryMetricsAccumulator().Compute(),
        ["empty multilabel"] = () => new MultilabelMetricsAccumulator(["a"]).Compute(),
        ["empty regression"] = () => new RegressionMetricsAccumulator(1, tolerance: 0.1).Compute(),
        ["binary with one class"] = () =>
        {
            var accumulator = new BinaryMetricsAccumulator();
            accumulator.Add(true, 0.4);
            return accumulator.Compute();
        },
        ["multiclass with one sample"] = () =>
        {
            var accumulator = new MulticlassMetricsAccumulator(["a", "b", "c"]);
            accumulator.Add(0, [0.5, 0.3, 0.2]);
            return accumulator.Compute();
        },
        ["regression with one sample and three outputs"] = () =>
        {
            var accumulator = new RegressionMetricsAccumulator(3);
            accumulator.Add([1f, 2f, 3f], [1f, 2f, 4f]);
            return accumulator.Compute();
        },
        ["multilabel with a label never true"] = () =>
        {
            var accumulator = new MultilabelMetricsAccumulator(["p", "q"]);
            accumulator.Add([false, false], [0.2f, 0.9f]);
            return accumulator.Compute();
        },
    };

    public static TheoryData<string> Names() => new(Results.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_null_metric_has_a_reason_and_every_reason_a_null_metric(string name)
    {
        var result = Results[name]();
        var reasons = (IReadOnlyDictionary<string, string>)result.GetType().GetProperty("UndefinedReasons")!.GetValue(result)!;
        var nulls = result.GetType().GetProperties()
            .Where(p => !Settings.Contains(p.Name) && p.GetValue(result) is null)
            .Select(p => p.Name)
            .Order()
            .ToArray();

        Assert.NotEmpty(nulls);
        Assert.True(
            nulls.SequenceEqual(reasons.Keys.Order()),
            $"{name}: null [{string.Join(", ", nulls)}], explained [{string.Join(", ", reasons.Keys.Order())}]");
        Assert.All(reasons.Values, reason => Assert.False(string.IsNullOrWhiteSpace(reason)));
    }

    [Fact]
    public void An_empty_accumulator_reports_no_samples_rather_than_zero()
    {
        var m = new MulticlassMetricsAccumulator(["a", "b"]).Compute();
        MetricAssert.Undefined(m.Accuracy, m.UndefinedReasons, nameof(m.Accuracy), "no samples");
        MetricAssert.Undefined(m.F1Macro, m.UndefinedReasons, nameof(m.F1Macro), "no samples");
        Assert.Equal(0, m.Count);
    }
}
