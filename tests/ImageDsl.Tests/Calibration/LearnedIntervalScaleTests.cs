using ImageDsl.Calibration;

namespace ImageDsl.Tests.Calibration;

/// <summary>
/// Learned-scale (normalised) split-conformal intervals on synthetic errors whose spread is known:
/// they keep the nominal coverage on fresh draws, and are narrower than constant intervals where
/// the error grows with the predicted value (and no worse where it does not).
/// </summary>
public class LearnedIntervalScaleTests
{
    /// <summary>Predictions uniform in [0, 100]; errors normal with a standard deviation of <paramref name="spread"/>(prediction).</summary>
    private static (double[] Predicted, double[] Errors) Draw(Random random, int count, Func<double, double> spread)
    {
        var predicted = new double[count];
        var errors = new double[count];
        for (int i = 0; i < count; i++)
        {
            predicted[i] = 100 * random.NextDouble();
            double gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            errors[i] = Math.Abs(gaussian * spread(predicted[i]));
        }
        return (predicted, errors);
    }

    private static (double Coverage, double MeanWidth) Score(Func<double, double> radius, (double[] Predicted, double[] Errors) fresh)
    {
        int inside = 0;
        double width = 0;
        for (int i = 0; i < fresh.Predicted.Length; i++)
        {
            double r = radius(fresh.Predicted[i]);
            if (fresh.Errors[i] <= r) inside++;
            width += 2 * r;
        }
        return ((double)inside / fresh.Predicted.Length, width / fresh.Predicted.Length);
    }

    [Fact]
    public void Where_the_error_grows_with_the_prediction_the_intervals_follow_it_and_keep_their_coverage()
    {
        Func<double, double> spread = p => 0.2 + 0.08 * p;   // 0.2 at 0, 8.2 at 100
        var random = new Random(3);
        var held = Draw(random, 1000, spread);
        var fresh = Draw(random, 40_000, spread);

        var learned = LearnedIntervalScale.Fit(held.Predicted, held.Errors, 0.9);
        double constant = ConformalIntervals.Radius(held.Errors, 0.9);

        Assert.Equal(500, learned.ScaleImages);
        Assert.Equal(500, learned.QuantileImages);
        // The scale rises with the prediction, roughly as the spread does (mean |error| = 0.8 σ).
        Assert.True(learned.Knots.Length >= 5, $"{learned.Knots.Length} knots");
        Assert.True(learned.Radius(90) > 3 * learned.Radius(10), $"radius {learned.Radius(10):F2} at 10, {learned.Radius(90):F2} at 90");
        Assert.InRange(learned.ScaleAt(50) / (0.8 * spread(50)), 0.75, 1.3);

        var (learnedCoverage, learnedWidth) = Score(learned.Radius, fresh);
        var (constantCoverage, constantWidth) = Score(_ => constant, fresh);
        Assert.InRange(learnedCoverage, 0.88, 0.93);
        Assert.InRange(constantCoverage, 0.88, 0.93);
        Assert.True(learnedWidth < 0.92 * constantWidth, $"learned width {learnedWidth:F2}, constant {constantWidth:F2}");
        // Constant intervals over-cover where the model is good and under-cover where it is not; learned ones do neither.
        var low = (fresh.Predicted.Where(p => p < 20).ToArray(), fresh.Errors.Where((_, i) => fresh.Predicted[i] < 20).ToArray());
        var high = (fresh.Predicted.Where(p => p > 80).ToArray(), fresh.Errors.Where((_, i) => fresh.Predicted[i] > 80).ToArray());
        Assert.InRange(Score(learned.Radius, low).Coverage, 0.85, 0.95);
        Assert.InRange(Score(learned.Radius, high).Coverage, 0.85, 0.95);
        Assert.True(Score(_ => constant, low).Coverage > 0.98);
        Assert.True(Score(_ => constant, high).Coverage < 0.85);
    }

    [Fact]
    public void Where_the_error_does_not_depend_on_the_prediction_they_are_about_as_wide_as_constant_ones()
    {
        var random = new Random(4);
        var held = Draw(random, 1000, _ => 2.0);
        var fresh = Draw(random, 40_000, _ => 2.0);

        var learned = LearnedIntervalScale.Fit(held.Predicted, held.Errors, 0.9);
        var (coverage, width) = Score(learned.Radius, fresh);
        var (_, constantWidth) = Score(_ => ConformalIntervals.Radius(held.Errors, 0.9), fresh);

        Assert.InRange(coverage, 0.88, 0.93);
        Assert.InRange(width / constantWidth, 0.9, 1.12);
    }

    [Fact]
    public void The_scale_interpolates_between_knots_and_is_constant_beyond_them()
    {
        var scale = new LearnedIntervalScale([0f, 10f, 20f], [1f, 3f, 2f], 2f, 10, 10);
        Assert.Equal(1, scale.ScaleAt(-5));
        Assert.Equal(2, scale.ScaleAt(5), 1e-12);
        Assert.Equal(3, scale.ScaleAt(10));
        Assert.Equal(2.5, scale.ScaleAt(15), 1e-12);
        Assert.Equal(2, scale.ScaleAt(1e9));
        Assert.Equal(5, scale.Radius(15), 1e-12);
        Assert.Equal(1, scale.ScaleAt(double.NaN));
    }

    [Fact]
    public void Fitting_is_repeatable_and_refuses_too_few_images_saying_how_many_it_needs()
    {
        var random = new Random(5);
        var held = Draw(random, 200, p => 1 + p / 10);
        Assert.Equal(LearnedIntervalScale.Fit(held.Predicted, held.Errors, 0.9).Quantile, LearnedIntervalScale.Fit(held.Predicted, held.Errors, 0.9).Quantile);

        var few = Assert.Throws<ArgumentException>(() => LearnedIntervalScale.Fit(held.Predicted[..16], held.Errors[..16], 0.9));
        Assert.Contains("16 held-out images", few.Message);
        Assert.Contains("at least 9", few.Message);   // the quantile half: ⌈(n + 1) 0.9⌉ ≤ n from n = 9
        Assert.Contains("at least 18 images", few.Message);
        Assert.Contains("IntervalScaling.Constant", few.Message);
        // 18 images are enough: 9 learn the scale, 9 set the quantile.
        Assert.Equal(9, LearnedIntervalScale.Fit(held.Predicted[..18], held.Errors[..18], 0.9).QuantileImages);
    }

    [Fact]
    public void A_periodic_target_scales_by_the_length_of_its_sine_cosine_and_others_by_their_value()
    {
        var heading = new Specs.PeriodicTargetSpec("Heading", 0, 360);
        Assert.Equal(0.5f, Assert.Single(heading.ScaleInputs([0.3f, 0.4f])!), 1e-6f);
        Assert.Null(new Specs.RangeTargetSpec("Age", 0, 100).ScaleInputs([0.5f]));
    }

    [Fact]
    public void A_perfect_model_gets_zero_width_intervals()
    {
        var predicted = Enumerable.Range(0, 40).Select(i => (double)i).ToArray();
        var learned = LearnedIntervalScale.Fit(predicted, new double[40], 0.9);
        Assert.Equal(0, learned.Radius(12));
        Assert.Null(learned.Problem());
    }
}
