using System.Text.Json;
using ImageDsl.Calibration;
using ImageDsl.Metrics;

namespace ImageDsl.Tests.Calibration;

/// <summary>
/// Every case of <c>Metrics/Fixtures/calibration-sklearn.json</c> (written by
/// <c>make_calibration_fixture.py</c> with scikit-learn 1.2.1 and numpy; checked in so no test needs
/// Python): Brier score (scikit-learn's <c>brier_score_loss</c> for yes/no), top-label ECE and MCE
/// over 15 bins, and the NLL-minimising temperature found by a dense grid.
/// </summary>
public class CalibrationFixtureTests
{
    private static readonly Lazy<JsonElement[]> AllCases = new(() =>
    {
        var path = Path.Combine(RepositoryPaths.Root, "tests", "ImageDsl.Tests", "Metrics", "Fixtures", "calibration-sklearn.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.Clone()).ToArray();
    });

    public static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        for (int i = 0; i < AllCases.Value.Length; i++) data.Add(i, AllCases.Value[i].GetProperty("name").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Metrics_match_the_reference(int index, string name)
    {
        var c = AllCases.Value[index];
        var expected = c.GetProperty("expected");
        var truths = c.GetProperty("y").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var metrics = c.GetProperty("kind").GetString() == "binary"
            ? CalibrationMetrics.Binary(c.GetProperty("p").EnumerateArray().Select(e => (float)e.GetDouble()).ToArray(), truths.Select(t => t == 1).ToArray())
            : CalibrationMetrics.MultiClass(c.GetProperty("p").EnumerateArray().Select(row => (IReadOnlyList<float>)row.EnumerateArray().Select(e => (float)e.GetDouble()).ToArray()).ToArray(), truths);
        Assert.Equal(expected.GetProperty("brier").GetDouble(), metrics.Brier, 1e-9);
        Assert.Equal(expected.GetProperty("ece").GetDouble(), metrics.ExpectedCalibrationError, 1e-9);
        Assert.Equal(expected.GetProperty("mce").GetDouble(), metrics.MaximumCalibrationError, 1e-9);
        Assert.Equal(truths.Length, metrics.Bins.Sum(b => b.Count));
        Assert.Equal(15, metrics.Bins.Count);
        _ = name;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Temperature_minimises_the_log_likelihood_as_the_reference_does(int index, string name)
    {
        var c = AllCases.Value[index];
        var truths = c.GetProperty("y").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var logits = c.GetProperty("logits");
        double temperature = c.GetProperty("kind").GetString() == "binary"
            ? TemperatureScaling.FitSigmoid(logits.EnumerateArray().Select(e => (float)e.GetDouble()).ToArray(), truths.Select(t => t == 1).ToArray())
            : TemperatureScaling.FitSoftmax(logits.EnumerateArray().SelectMany(row => row.EnumerateArray().Select(e => (float)e.GetDouble())).ToArray(), truths, c.GetProperty("classes").GetInt32());
        var reference = c.GetProperty("expected").GetProperty("temperature").GetDouble();
        Assert.True(Math.Abs(temperature - reference) < 1e-5 * reference, $"{name}: temperature {temperature}, reference {reference}");
    }

    [Fact]
    public void A_perfectly_calibrated_and_confident_model_has_no_error()
    {
        var metrics = CalibrationMetrics.MultiClass([[1f, 0f], [0f, 1f], [1f, 0f]], [0, 1, 0]);
        Assert.Equal(0, metrics.ExpectedCalibrationError);
        Assert.Equal(0, metrics.Brier);
        // Always 90 % sure, right 9 times in 10: calibrated; right 6 times in 10: ECE 0.3 and Brier (0.1² × 6 + 0.9² × 4) / 10.
        var sure = Enumerable.Repeat(0.9f, 10).ToArray();
        Assert.Equal(0, CalibrationMetrics.Binary(sure, Enumerable.Range(0, 10).Select(i => i < 9).ToArray()).ExpectedCalibrationError, 1e-7);
        var over = CalibrationMetrics.Binary(sure, Enumerable.Range(0, 10).Select(i => i < 6).ToArray());
        Assert.Equal(0.3, over.ExpectedCalibrationError, 1e-7);
        Assert.Equal(0.3, over.MaximumCalibrationError, 1e-7);
        Assert.Equal((0.01 * 6 + 0.81 * 4) / 10, over.Brier, 1e-7);
    }

    [Fact]
    public void Conformal_radius_is_the_finite_sample_quantile()
    {
        var residuals = Enumerable.Range(1, 19).Select(i => (double)i).ToArray(); // 1..19
        Assert.Equal(18, ConformalIntervals.Radius(residuals, 0.9));               // ⌈20 × 0.9⌉ = 18th smallest
        Assert.Equal(10, ConformalIntervals.Radius(residuals, 0.5));               // ⌈20 × 0.5⌉ = 10th
        Assert.Equal(19, ConformalIntervals.Radius(residuals.Reverse().Select(r => -r).ToArray(), 0.95)); // signs do not matter
        var few = Assert.Throws<ArgumentException>(() => ConformalIntervals.Radius([1, 2, 3, 4, 5], 0.9));
        Assert.Contains("at least 9", few.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => ConformalIntervals.Radius(residuals, 1.0));
    }

    [Fact]
    public void Intervals_clip_to_a_range_and_wrap_round_a_period()
    {
        var range = new Specs.RangeTargetSpec("Age", 0, 100);
        Assert.Equal(new PredictionInterval(0, 7), range.Interval(2, 5, 0));
        Assert.Equal(new PredictionInterval(93, 100), range.Interval(98, 5, 0));
        var heading = new Specs.PeriodicTargetSpec("Heading", 0, 360);
        var wrapped = heading.Interval(355, 10, 0);
        Assert.Equal(345, wrapped.Low, 1e-9);
        Assert.Equal(5, wrapped.High, 1e-9);
        Assert.True(wrapped.Contains(0) && wrapped.Contains(359) && wrapped.Contains(4.5));
        Assert.False(wrapped.Contains(180));
        Assert.Equal(new PredictionInterval(0, 360), heading.Interval(10, 200, 0)); // wider than the period: the whole circle
    }
}
