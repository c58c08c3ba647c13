using ImageDsl.Training;
using static TorchSharp.torch;

namespace ImageDsl.Tests.Losses;

public sealed class HingeLossTests
{
    /// <summary>Keras' own test vector for <c>categorical_hinge</c>: rows 1.2 and 1.6, mean 1.4.</summary>
    [Fact]
    public void Categorical_hinge_gives_Keras_value_on_its_test_vector()
    {
        using var scope = NewDisposeScope();
        var targets = tensor(new float[] { 0, 1, 0, 0 }).reshape(2, 2);
        var scores = tensor(new float[] { 0.6f, 0.4f, 0.4f, 0.6f }).reshape(2, 2);

        var loss = HingeLosses.CategoricalHinge(scores, targets).item<float>();

        Assert.Equal(1.4f, loss, 1e-6f);
    }

    /// <summary>
    /// By hand, mean of max(neg − pos + 1, 0) over the Keras vector: row 1 is active with neg at
    /// column 0 and pos at column 1, row 2 (target all zeros, pos = 0) with neg at column 1;
    /// each row's gradient is divided by N = 2.
    /// </summary>
    [Fact]
    public void Categorical_hinge_gradient_on_the_Keras_vector_is_the_hand_computed_one()
    {
        var gradient = GradientCheck.Autograd(
            s => HingeLosses.CategoricalHinge(s, tensor(new double[] { 0, 1, 0, 0 }).reshape(2, 2)),
            [0.6, 0.4, 0.4, 0.6],
            [2, 2]);

        Assert.Equal([0.5, -0.5, 0.0, 0.5], gradient);
    }

    /// <summary>
    /// Soft targets, by hand. Row 1: y = (0.7, 0.3, 0), s = (2, 1, −1): pos = 1.4 + 0.3 = 1.7,
    /// neg = max(0.6, 0.7, −1) = 0.7, loss 0. Row 2: y = (0, 0.5, 0.5), s = (0.5, −0.2, 0.1):
    /// pos = −0.05, neg = max(0.5, −0.1, 0.05) = 0.5, loss 1.55. Mean 0.775.
    /// </summary>
    [Fact]
    public void Categorical_hinge_takes_soft_targets_as_weights_of_both_terms()
    {
        using var scope = NewDisposeScope();
        var targets = tensor(new double[] { 0.7, 0.3, 0, 0, 0.5, 0.5 }).reshape(2, 3);
        var scores = tensor(new double[] { 2, 1, -1, 0.5, -0.2, 0.1 }).reshape(2, 3);

        Assert.Equal(0.775, HingeLosses.CategoricalHinge(scores, targets).item<double>(), 1e-12);
    }

    /// <summary>
    /// Keras' quirk kept: the true class's entry counts as 0 inside the max, so with every
    /// other score negative neg is 0, not the best other score. s = (−1, −2, 0.5), class 2:
    /// pos = 0.5, neg = 0, loss 0.5 (a "best other score" hinge would give 0).
    /// </summary>
    [Fact]
    public void Categorical_hinge_counts_the_true_class_as_zero_inside_the_max()
    {
        using var scope = NewDisposeScope();
        var scores = tensor(new double[] { -1, -2, 0.5 }).reshape(1, 3);

        var fromIndices = HingeLosses.CategoricalHingeForClasses(scores, tensor(new long[] { 2 })).item<double>();
        var fromOneHot = HingeLosses.CategoricalHinge(scores, tensor(new double[] { 0, 0, 1 }).reshape(1, 3)).item<double>();

        Assert.Equal(0.5, fromIndices, 1e-12);
        Assert.Equal(0.5, fromOneHot, 1e-12);
    }

    [Fact]
    public void Class_indices_give_the_one_hot_loss_and_gradient()
    {
        using var scope = NewDisposeScope();
        var values = GradientCheck.Random(40, seed: 11);
        var classes = tensor(new long[] { 0, 3, 1, 1, 2, 0, 3, 2, 2, 1 });
        var oneHot = nn.functional.one_hot(classes, 4).to_type(ScalarType.Float64);

        var fromIndices = GradientCheck.Autograd(s => HingeLosses.CategoricalHingeForClasses(s, classes), values, [10, 4]);
        var fromOneHot = GradientCheck.Autograd(s => HingeLosses.CategoricalHinge(s, oneHot), values, [10, 4]);
        using var scores = tensor(values).reshape(10, 4);

        Assert.Equal(
            HingeLosses.CategoricalHinge(scores, oneHot).item<double>(),
            HingeLosses.CategoricalHingeForClasses(scores, classes).item<double>(),
            1e-12);
        Assert.Equal(fromOneHot, fromIndices);
    }

    /// <summary>
    /// Weighted mean Σ w[yᵢ]·lossᵢ / Σ w[yᵢ]. Scores (rows) (1, 0), (0, 0), (0, 2) with classes
    /// 0, 1, 1: losses max(0 − 1 + 1, 0) = 0, max(0 − 0 + 1, 0) = 1, max(0 − 2 + 1, 0) = 0, mean
    /// 1/3; with class weights (3, 0.5): (3·0 + 0.5·1 + 0.5·0) / (3 + 0.5 + 0.5) = 0.125.
    /// </summary>
    [Fact]
    public void Class_weights_give_a_weighted_mean_over_the_batch()
    {
        using var scope = NewDisposeScope();
        var scores = tensor(new double[] { 1, 0, 0, 0, 0, 2 }).reshape(3, 2);
        var classes = tensor(new long[] { 0, 1, 1 });

        Assert.Equal(1.0 / 3, HingeLosses.CategoricalHingeForClasses(scores, classes).item<double>(), 1e-12);
        Assert.Equal(0.125, HingeLosses.CategoricalHingeForClasses(scores, classes, [3, 0.5]).item<double>(), 1e-12);
    }

    [Fact]
    public void Categorical_hinge_gradients_match_finite_differences()
    {
        using var scope = NewDisposeScope();
        var classes = tensor(new long[] { 2, 0, 1, 2, 1, 0 });
        var soft = softmax(tensor(GradientCheck.Random(18, seed: 4), dtype: ScalarType.Float64).reshape(6, 3), 1);
        var values = GradientCheck.Random(18, seed: 5, scale: 1.5);

        GradientCheck.Matches(s => HingeLosses.CategoricalHinge(s, soft), values, [6, 3]);
        GradientCheck.Matches(s => HingeLosses.CategoricalHingeForClasses(s, classes, [1.0, 2.5, 0.5]), values, [6, 3]);
    }

    /// <summary>
    /// s = (2, 0.5, −0.3, −2), y = (1, 1, 0, 0), so t = (1, 1, −1, −1) and 1 − t·s =
    /// (−1, 0.5, 0.7, −1): terms (0, 0.5, 0.7, 0), mean 0.3. Positive weight 3 triples the
    /// positives' terms: (0, 1.5, 0.7, 0), mean 0.55; gradient −t·w / N on the active terms.
    /// </summary>
    [Fact]
    public void Binary_hinge_is_the_mean_margin_violation_with_signed_targets()
    {
        using var scope = NewDisposeScope();
        var targets = tensor(new double[] { 1, 1, 0, 0 }).reshape(4, 1);
        var scores = tensor(new double[] { 2, 0.5, -0.3, -2 }).reshape(4, 1);

        Assert.Equal(0.3, HingeLosses.BinaryHinge(scores, targets).item<double>(), 1e-12);
        Assert.Equal(0.55, HingeLosses.BinaryHinge(scores, targets, positiveWeight: 3).item<double>(), 1e-12);
        var gradient = GradientCheck.Autograd(s => HingeLosses.BinaryHinge(s, targets, positiveWeight: 3), [2, 0.5, -0.3, -2], [4, 1]);
        Assert.Equal([0, -0.75, 0.25, 0], gradient);
    }

    [Fact]
    public void Binary_hinge_gradient_matches_finite_differences()
    {
        using var scope = NewDisposeScope();
        var targets = tensor(new double[] { 1, 0, 0, 1, 1, 0, 1, 0 }).reshape(8, 1);

        GradientCheck.Matches(s => HingeLosses.BinaryHinge(s, targets, positiveWeight: 1.7), GradientCheck.Random(8, seed: 9), [8, 1]);
    }

    [Fact]
    public void Bad_input_is_refused_with_the_argument_named()
    {
        using var scope = NewDisposeScope();
        var scores = zeros(3, 4);

        Assert.Equal("targets", Assert.Throws<ArgumentException>(() => HingeLosses.CategoricalHinge(scores, zeros(3, 3))).ParamName);
        var indicesToMatrix = Assert.Throws<ArgumentException>(() => HingeLosses.CategoricalHinge(scores, zeros(3, dtype: ScalarType.Int64)));
        Assert.Contains(nameof(HingeLosses.CategoricalHingeForClasses), indicesToMatrix.Message, StringComparison.Ordinal);
        Assert.Equal("scores", Assert.Throws<ArgumentException>(() => HingeLosses.CategoricalHinge(zeros(3), zeros(3))).ParamName);
        Assert.Equal("classes", Assert.Throws<ArgumentException>(() => HingeLosses.CategoricalHingeForClasses(scores, tensor(new long[] { 0, 4, 1 }))).ParamName);
        Assert.Equal("classes", Assert.Throws<ArgumentException>(() => HingeLosses.CategoricalHingeForClasses(scores, tensor(new[] { 0f, 1.5f, 1f }))).ParamName);
        Assert.Equal("classes", Assert.Throws<ArgumentException>(() => HingeLosses.CategoricalHingeForClasses(scores, zeros(2, dtype: ScalarType.Int64))).ParamName);
        Assert.Equal("classWeights", Assert.Throws<ArgumentException>(() => HingeLosses.CategoricalHingeForClasses(scores, zeros(3, dtype: ScalarType.Int64), [1, 1, 1])).ParamName);
        Assert.Equal("classWeights", Assert.Throws<ArgumentException>(() => HingeLosses.CategoricalHingeForClasses(scores, zeros(3, dtype: ScalarType.Int64), [1, -1, 1, 1])).ParamName);
        Assert.Equal("targets", Assert.Throws<ArgumentException>(() => HingeLosses.BinaryHinge(zeros(3, 1), tensor(new[] { 0f, 0.5f, 1f }).reshape(3, 1))).ParamName);
        Assert.Equal("targets", Assert.Throws<ArgumentException>(() => HingeLosses.BinaryHinge(zeros(3, 1), zeros(3))).ParamName);
        Assert.Equal("positiveWeight", Assert.Throws<ArgumentException>(() => HingeLosses.BinaryHinge(zeros(3, 1), zeros(3, 1), double.NaN)).ParamName);
    }
}
