using ImageDsl.Modeling;

namespace ImageDsl.Tests.Onnx;

/// <summary>The generated <c>OnnxPredictor</c>: the TorchSharp model's typed predictions, from the exported file.</summary>
[Collection(OnnxFixture.Collection)]
public sealed class OnnxPredictorTests(OnnxFixture fixture)
{
    private const float Tolerance = 1e-4f;

    [Fact]
    public void Mixed_spec_predictions_match_the_TorchSharp_model()
    {
        using var predictor = OnnxMixed.OnnxPredictor.Load(fixture.Onnx("mixed"));

        var expected = fixture.Mixed.Predict(fixture.Images);
        var actual = predictor.Predict(fixture.Images);

        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            AssertSameLabel(expected[i].Digit, actual[i].Digit, expected[i].DigitProbabilities.Values);
            foreach (var digit in OnnxMixed.DigitLabels)
                AssertClose(expected[i].DigitProbabilities[digit], actual[i].DigitProbabilities[digit]);
            AssertClose(expected[i].RotationAngle, actual[i].RotationAngle);
        }
    }

    [Fact]
    public void Label_and_range_predictors_match_their_models_one_image_at_a_time()
    {
        using var labels = OnnxLabels.OnnxPredictor.Load(fixture.Onnx("labels"));
        using var range = OnnxRange.OnnxPredictor.Load(fixture.Onnx("range"));

        foreach (var image in fixture.Images)
        {
            var digit = fixture.Labels.Predict(image);
            AssertSameLabel(digit.Digit, labels.Predict(image).Digit, digit.DigitProbabilities.Values);
            var angle = fixture.Range.Predict(image).Angle;
            AssertClose(angle, range.Predict(image).Angle);
        }
    }

    [Fact]
    public void Label_and_box_predictions_match_the_TorchSharp_model()
    {
        using var predictor = OnnxLocator.OnnxPredictor.Load(fixture.Onnx("locator"));

        var expected = fixture.Locator.Predict(fixture.Images);
        var actual = predictor.Predict(fixture.Images);

        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            AssertSameLabel(expected[i].Digit, actual[i].Digit, expected[i].DigitProbabilities.Values);
            foreach (var digit in OnnxLocator.DigitLabels)
                AssertClose(expected[i].DigitProbabilities[digit], actual[i].DigitProbabilities[digit]);
            AssertClose(expected[i].Box.X, actual[i].Box.X);
            AssertClose(expected[i].Box.Y, actual[i].Box.Y);
            AssertClose(expected[i].Box.W, actual[i].Box.W);
            AssertClose(expected[i].Box.H, actual[i].Box.H);
        }
    }

    [Fact]
    public void Every_kind_predicts_the_same_typed_values_as_the_TorchSharp_model()
    {
        using var predictor = OnnxEveryKind.OnnxPredictor.Load(fixture.Onnx("every-kind"));

        var expected = fixture.EveryKind.Predict(fixture.Images);
        var actual = predictor.Predict(fixture.Images);

        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            AssertSameLabel(e.Digit, a.Digit, e.DigitProbabilities.Values);
            AssertClose(e.IsEvenProbability, a.IsEvenProbability);
            if (Math.Abs(e.IsEvenProbability - 0.6) > 2 * Tolerance) Assert.Equal(e.IsEven, a.IsEven);
            foreach (var tag in OnnxEveryKind.TagsLabels)
            {
                AssertClose(e.TagsProbabilities[tag], a.TagsProbabilities[tag]);
                if (Math.Abs(e.TagsProbabilities[tag] - 0.5) > 2 * Tolerance) Assert.Equal(e.Tags.HasFlag(tag), a.Tags.HasFlag(tag));
            }
            var heading = (Specs.PeriodicTargetSpec)OnnxEveryKind.Spec.Targets[3];
            Assert.True(Math.Abs(heading.Difference(a.Heading, e.Heading)) <= Tolerance, $"Heading: ONNX {a.Heading}, TorchSharp {e.Heading}");
            AssertClose(e.Depth, a.Depth);
            Assert.Equal(4, a.Corners.Length);
            for (int c = 0; c < 4; c++) AssertClose(e.Corners[c], a.Corners[c]);
            AssertClose(e.Center.X, a.Center.X);
            AssertClose(e.Center.Y, a.Center.Y);
            AssertClose(e.Box.X, a.Box.X);
            AssertClose(e.Box.H, a.Box.H);
        }
    }

    private static void AssertClose(double expected, double actual) => Assert.InRange(actual, expected - Tolerance, expected + Tolerance);

    /// <summary>The same label, unless the two most probable were too close for float differences to decide.</summary>
    private static void AssertSameLabel<T>(T expected, T actual, IEnumerable<float> probabilities)
    {
        var top = probabilities.OrderDescending().Take(2).ToArray();
        if (top[0] - top[1] > 2 * Tolerance) Assert.Equal(expected, actual);
    }

    [Fact]
    public void A_file_exported_for_another_spec_is_refused_with_the_differences()
    {
        var error = Assert.Throws<ModelFileException>(() => OnnxRange.OnnxPredictor.Load(fixture.Onnx("mixed")));

        Assert.Contains("exported for spec ImageDsl.Tests.Onnx.OnnxMixed", error.Message);
        Assert.Contains("spec.input.width: the file has 56, this model declares 32", error.Message);
    }

    [Fact]
    public void A_missing_file_is_reported_with_its_full_path()
    {
        var error = Assert.Throws<FileNotFoundException>(() => OnnxLabels.OnnxPredictor.Load("no-such-model.onnx"));
        Assert.Contains(Path.GetFullPath("no-such-model.onnx"), error.Message);
    }
}
