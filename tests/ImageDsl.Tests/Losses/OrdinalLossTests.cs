using ImageDsl.Modeling;
using ImageDsl.Training;
using static TorchSharp.torch;

namespace ImageDsl.Tests.Losses;

public sealed class OrdinalLossTests
{
    // coral-pytorch's documented example (ranks 2, 1, 4 of K = 5); its docs print 0.6920.
    private static readonly double[] ExampleLogits = [2.1, 1.8, -2.1, -1.8, 1.9, -1.0, -1.5, -1.3, 1.9, 1.8, 1.7, 1.6];
    private static readonly long[] ExampleRanks = [2, 1, 4];

    [Fact]
    public void Levels_mark_every_threshold_below_the_rank()
    {
        using var scope = NewDisposeScope();

        var levels = OrdinalLoss.Levels(tensor(new long[] { 0, 2, 4 }), thresholds: 4);

        Assert.Equal([3L, 4], levels.shape);
        Assert.Equal([0f, 0, 0, 0, 1, 1, 0, 0, 1, 1, 1, 1], levels.data<float>().ToArray());
    }

    /// <summary>
    /// The documented example of the authors' package: 0.6920 there; the sum of softplus terms
    /// evaluated in numpy (np.logaddexp) gives 0.6920385280374086.
    /// </summary>
    [Fact]
    public void Coral_loss_matches_the_reference_example()
    {
        using var scope = NewDisposeScope();

        var loss = OrdinalLoss.Coral(tensor(ExampleLogits).reshape(3, 4), tensor(ExampleRanks)).item<double>();

        Assert.Equal(0.6920385280374086, loss, 1e-12);
    }

    /// <summary>Against the definition written out in C#: softplus(−z) for a level of 1, softplus(z) for 0.</summary>
    [Fact]
    public void Coral_loss_is_the_weighted_sum_of_binary_cross_entropies_averaged_over_the_batch()
    {
        using var scope = NewDisposeScope();
        double[] weights = [1.0, 0.5, 2.0, 0.25];
        var expected = 0.0;
        for (var i = 0; i < ExampleRanks.Length; i++)
        {
            for (var k = 0; k < 4; k++)
            {
                var z = ExampleLogits[i * 4 + k];
                expected += weights[k] * Softplus(ExampleRanks[i] > k ? -z : z);
            }
        }

        expected /= ExampleRanks.Length;

        var loss = OrdinalLoss.Coral(tensor(ExampleLogits).reshape(3, 4), tensor(ExampleRanks), weights).item<double>();

        Assert.Equal(expected, loss, 1e-12);
        Assert.Equal(0.6059369521467532, loss, 1e-12); // the same sum in numpy
    }

    /// <summary>∂L/∂zᵢₖ = λₖ·(σ(zᵢₖ) − 1[rankᵢ &gt; k]) / N, by hand, and by finite differences.</summary>
    [Fact]
    public void Coral_loss_gradient_is_the_weighted_sigmoid_error_over_N()
    {
        using var scope = NewDisposeScope();
        double[] weights = [2.0, 1.0, 0.5, 1.0];
        var ranks = tensor(ExampleRanks);

        var gradient = GradientCheck.Autograd(z => OrdinalLoss.Coral(z, ranks, weights), ExampleLogits, [3, 4]);

        for (var i = 0; i < 3; i++)
        {
            for (var k = 0; k < 4; k++)
            {
                var level = ExampleRanks[i] > k ? 1.0 : 0.0;
                var expected = weights[k] * (OrdinalDecoding.Sigmoid(ExampleLogits[i * 4 + k]) - level) / 3;
                Assert.Equal(expected, gradient[i * 4 + k], 1e-12);
            }
        }

        GradientCheck.Matches(z => OrdinalLoss.Coral(z, ranks, weights), ExampleLogits, [3, 4]);
    }

    [Fact]
    public void Coral_loss_stays_finite_and_exact_for_huge_logits()
    {
        using var scope = NewDisposeScope();
        // Rank 0 against a logit of +200 (wrong by far) and rank 1 against −200 (also wrong).
        var logits = tensor(new float[] { 200f, -200f }).reshape(2, 1).requires_grad_(true);

        var loss = OrdinalLoss.Coral(logits, tensor(new long[] { 0, 1 }));
        loss.backward();

        Assert.Equal(200f, loss.item<float>(), 1e-3f); // (softplus(200) + softplus(200)) / 2
        Assert.Equal([0.5f, -0.5f], logits.grad!.data<float>().ToArray());
    }

    [Fact]
    public void Ranks_may_come_as_a_float_column_of_whole_numbers()
    {
        using var scope = NewDisposeScope();
        var logits = tensor(ExampleLogits).reshape(3, 4);

        var fromFloats = OrdinalLoss.Coral(logits, tensor(new float[] { 2, 1, 4 })).item<double>();

        Assert.Equal(OrdinalLoss.Coral(logits, tensor(ExampleRanks)).item<double>(), fromFloats);
    }

    [Fact]
    public void Bad_input_is_refused_with_the_argument_named()
    {
        using var scope = NewDisposeScope();
        var logits = zeros(3, 4);

        Assert.Equal("ranks", Assert.Throws<ArgumentException>(() => OrdinalLoss.Coral(logits, tensor(new long[] { 0, 5, 1 }))).ParamName);
        Assert.Equal("ranks", Assert.Throws<ArgumentException>(() => OrdinalLoss.Coral(logits, tensor(new long[] { 0, -1, 1 }))).ParamName);
        Assert.Equal("ranks", Assert.Throws<ArgumentException>(() => OrdinalLoss.Coral(logits, tensor(new[] { 0f, 0.5f, 1f }))).ParamName);
        Assert.Equal("ranks", Assert.Throws<ArgumentException>(() => OrdinalLoss.Coral(logits, tensor(new long[] { 0, 1 }))).ParamName);
        Assert.Equal("logits", Assert.Throws<ArgumentException>(() => OrdinalLoss.Coral(zeros(3), tensor(new long[] { 0, 1, 1 }))).ParamName);
        Assert.Equal("importanceWeights", Assert.Throws<ArgumentException>(() => OrdinalLoss.Coral(logits, tensor(new long[] { 0, 1, 1 }), [1, 1])).ParamName);
        Assert.Equal("importanceWeights", Assert.Throws<ArgumentException>(() => OrdinalLoss.Coral(logits, tensor(new long[] { 0, 1, 1 }), [1, 1, double.NaN, 1])).ParamName);
    }

    private static double Softplus(double x) => Math.Max(x, 0) + Math.Log(1 + Math.Exp(-Math.Abs(x)));
}
