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
                Assert.InRange(actual[i].DigitProbabilities[digit], expected[i].DigitProbabilities[digit] - Tolerance, expected[i].DigitProbabilities[digit] + Tolerance);
            Assert.InRange(actual[i].RotationAngle, expected[i].RotationAngle - Tolerance, expected[i].RotationAngle + Tolerance);
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
            Assert.InRange(range.Predict(image).Angle, angle - Tolerance, angle + Tolerance);
        }
    }

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
