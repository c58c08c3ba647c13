using ImageDsl.Specs;
using ImageDsl.Training;
using static TorchSharp.torch;

namespace ImageDsl.Tests.Kinds;

/// <summary>
/// The dense kinds' non-default losses against a plain double-precision computation written from
/// their definitions (on small tensors, with invalid and ignored pixels), and the proof that what
/// lies under an invalid pixel cannot change them.
/// </summary>
public class DenseLossTests
{
    private const int W = 3, H = 2, N = 2;

    // Two images of 3x2; NaN marks an invalid pixel (the second image has two).
    private static readonly float[] Truth = [2f, 3f, 5f, 8f, float.NaN, 4f, 1.5f, float.NaN, 6f, 2.5f, 9f, float.NaN];

    private static float[] Outputs(int seed, float scale)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, N * W * H).Select(_ => (float)((random.NextDouble() * 2 - 1) * scale)).ToArray();
    }

    private static double Loss(MapTargetSpec map, float[] output, float[] truth)
    {
        var spec = new ModelSpec("Losses", new InputSpec(8, 8, 1), Backbone.SmallCnn, [map]);
        using var scope = NewDisposeScope();
        var loss = TargetLoss.For(spec, 0).Compute(tensor(output, [N, 1, H, W]), tensor(truth, [N, W * H]));
        return loss.item<float>();
    }

    /// <summary>The same output with every invalid pixel's prediction replaced by something wild.</summary>
    private static float[] Garbled(float[] output, float[] truth) =>
        output.Select((o, i) => float.IsNaN(truth[i]) ? 1e3f * (i + 1) : o).ToArray();

    [Fact]
    public void Mean_squared_error_of_a_bounded_map_is_the_mean_over_valid_pixels_in_the_head_scale()
    {
        var map = new MapTargetSpec("Depth", W, H, min: 0, max: 10, loss: LossFunction.MeanSquaredError);
        var output = Outputs(1, 1);
        double sum = 0;
        int count = 0;
        for (int i = 0; i < Truth.Length; i++)
        {
            if (float.IsNaN(Truth[i])) continue;
            double head = (Truth[i] - 0.0) / 10.0 * 2 - 1; // [0, 10] onto [-1, 1]
            sum += (output[i] - head) * (output[i] - head);
            count++;
        }
        Assert.Equal(sum / count, Loss(map, output, Truth), 5);
        Assert.Equal(Loss(map, output, Truth), Loss(map, Garbled(output, Truth), Truth), 6);
    }

    [Fact]
    public void Huber_of_an_unbounded_map_is_squared_below_delta_and_linear_beyond()
    {
        const double delta = 0.75;
        var map = new MapTargetSpec("Height", W, H, loss: LossFunction.Huber, huberDelta: delta);
        var output = Truth.Select((t, i) => float.IsNaN(t) ? 0f : t + (i % 3 - 1) * (i * 0.4f)).ToArray(); // errors both below and beyond delta
        double sum = 0;
        int count = 0, beyond = 0;
        for (int i = 0; i < Truth.Length; i++)
        {
            if (float.IsNaN(Truth[i])) continue;
            double e = Math.Abs(output[i] - Truth[i]);
            sum += e < delta ? 0.5 * e * e : delta * (e - 0.5 * delta);
            beyond += e >= delta ? 1 : 0;
            count++;
        }
        Assert.InRange(beyond, 2, count - 2); // both branches are exercised
        Assert.Equal(sum / count, Loss(map, output, Truth), 4);
        Assert.Equal(Loss(map, output, Truth), Loss(map, Garbled(output, Truth), Truth), 6);
    }

    /// <summary>Eigen, Puhrsch and Fergus (2014), eq. 4 with λ = ½, per image over its valid pixels, averaged over the batch.</summary>
    private static double ScaleInvariant(Func<int, double> logPredicted, float[] truth)
    {
        double total = 0;
        for (int n = 0; n < N; n++)
        {
            double sum = 0, squares = 0;
            int count = 0;
            for (int p = 0; p < W * H; p++)
            {
                int i = n * W * H + p;
                if (float.IsNaN(truth[i])) continue;
                double d = logPredicted(i) - Math.Log(truth[i]);
                sum += d;
                squares += d * d;
                count++;
            }
            total += squares / count - 0.5 * (sum / count) * (sum / count);
        }
        return total / N;
    }

    [Fact]
    public void Scale_invariant_log_loss_matches_Eigen_et_al_for_log_and_bounded_maps()
    {
        var log = new MapTargetSpec("Depth", W, H, log: true, loss: LossFunction.ScaleInvariantLog);
        var output = Outputs(2, 2); // ln(depth)
        double expected = ScaleInvariant(i => output[i], Truth);
        Assert.Equal(expected, Loss(log, output, Truth), 4);
        Assert.Equal(Loss(log, output, Truth), Loss(log, Garbled(output, Truth), Truth), 6);

        // λ = ½: a prediction off by one factor everywhere costs (1 - λ)·ln²(factor), half what it would without the second term.
        var scaled = Truth.Select(t => float.IsNaN(t) ? 0f : (float)Math.Log(t * 3.0)).ToArray();
        Assert.Equal(0.5 * Math.Log(3) * Math.Log(3), Loss(log, scaled, Truth), 5);

        // A bounded map's head predicts [-1, 1]; the loss takes the log of the value it decodes to.
        var bounded = new MapTargetSpec("Depth", W, H, min: 1, max: 11, loss: LossFunction.ScaleInvariantLog);
        var unit = Outputs(3, 0.9f);
        Assert.Equal(ScaleInvariant(i => Math.Log((unit[i] + 1) / 2 * 10 + 1), Truth), Loss(bounded, unit, Truth), 4);
    }

    [Fact]
    public void Cross_entropy_plus_dice_matches_its_definition_and_ignores_ignored_pixels()
    {
        const int classes = 3;
        double[] weights = [1.0, 2.0, 0.5];
        var mask = new MaskTargetSpec("Parts", W, H, ["A", "B", "C"], ignoreLabel: 255, classWeights: weights, loss: LossFunction.CrossEntropyDice);
        var spec = new ModelSpec("Losses", new InputSpec(8, 8, 1), Backbone.SmallCnn, [mask]);
        float[] labels = [0, 1, 2, 2, -1, 1, 0, 0, -1, 1, 2, 1]; // encoded: -1 ignored
        var random = new Random(4);
        var logits = Enumerable.Range(0, N * classes * W * H).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();
        double Computed(float[] output)
        {
            using var scope = NewDisposeScope();
            return TargetLoss.For(spec, 0).Compute(tensor(output, [N, classes, H, W]), tensor(labels, [N, W * H])).item<float>();
        }

        // Independently: softmax per pixel; weighted mean of -ln p(true); soft Dice per class over the batch, (2I + 1) / (ΣP + ΣT + 1).
        double nll = 0, weightSum = 0;
        var intersection = new double[classes];
        var totals = new double[classes];
        for (int n = 0; n < N; n++)
            for (int p = 0; p < W * H; p++)
            {
                int truth = (int)labels[n * W * H + p];
                if (truth < 0) continue;
                var z = Enumerable.Range(0, classes).Select(c => (double)logits[(n * classes + c) * W * H + p]).ToArray();
                double max = z.Max(), norm = z.Sum(v => Math.Exp(v - max));
                var probabilities = z.Select(v => Math.Exp(v - max) / norm).ToArray();
                nll += -Math.Log(probabilities[truth]) * weights[truth];
                weightSum += weights[truth];
                for (int c = 0; c < classes; c++)
                {
                    intersection[c] += c == truth ? probabilities[c] : 0;
                    totals[c] += probabilities[c] + (c == truth ? 1 : 0);
                }
            }
        double dice = Enumerable.Range(0, classes).Average(c => (2 * intersection[c] + 1) / (totals[c] + 1));
        Assert.Equal(nll / weightSum + 1 - dice, Computed(logits), 4);

        // Whatever the network says at an ignored pixel changes nothing.
        var garbled = (float[])logits.Clone();
        for (int n = 0; n < N; n++)
            for (int p = 0; p < W * H; p++)
                if (labels[n * W * H + p] < 0)
                    for (int c = 0; c < classes; c++) garbled[(n * classes + c) * W * H + p] = 50f * (c + 1) * (n % 2 == 0 ? 1 : -1);
        Assert.Equal(Computed(logits), Computed(garbled), 6);

        // And the Dice term is there: plain cross-entropy is the same computation without it.
        var plain = new ModelSpec("Losses", new InputSpec(8, 8, 1), Backbone.SmallCnn, [mask with { Loss = LossFunction.CrossEntropy }]);
        using var s = NewDisposeScope();
        double crossEntropy = TargetLoss.For(plain, 0).Compute(tensor(logits, [N, classes, H, W]), tensor(labels, [N, W * H])).item<float>();
        Assert.Equal(nll / weightSum, crossEntropy, 4);
    }
}
