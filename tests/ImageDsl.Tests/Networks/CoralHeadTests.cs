using ImageDsl.Modeling;
using ImageDsl.Networks;
using ImageDsl.Training;
using static TorchSharp.torch;

namespace ImageDsl.Tests.Networks;

public sealed class CoralHeadTests
{
    [Fact]
    public void State_dict_holds_one_shared_weight_and_one_bias_per_threshold()
    {
        using var head = new CoralHead(featureCount: 6, rankCount: 5);

        var state = head.state_dict();

        Assert.Equal(["bias", "linear.weight"], state.Keys.Order());
        Assert.Equal([1L, 6], state["linear.weight"].shape);
        Assert.Equal([4L], state["bias"].shape);
        Assert.Equal(4, head.ThresholdCount);
        Assert.Equal(2, head.parameters().Count());
    }

    /// <summary>(K − 1 − k) / (K − 1): 1, 5/6, …, 1/6 for K = 7, as the authors' reference implementation starts.</summary>
    [Fact]
    public void Biases_start_descending_from_one()
    {
        using var head = new CoralHead(featureCount: 3, rankCount: 7);

        var bias = head.Bias.data<float>().ToArray();

        Assert.Equal(Enumerable.Range(0, 6).Select(k => (6 - k) / 6f).ToArray(), bias);
    }

    /// <summary>
    /// Shared weight: for every image, logitₖ − logitₖ₊₁ = bₖ − bₖ₊₁, so the cumulative
    /// probabilities of every image are ordered as the biases are.
    /// </summary>
    [Fact]
    public void Logits_of_every_image_differ_only_by_the_biases()
    {
        using var scope = NewDisposeScope();
        using var head = new CoralHead(featureCount: 8, rankCount: 5);
        head.eval();
        using (no_grad())
        {
            head.Bias.copy_(tensor(new float[] { 0.9f, -0.2f, -0.3f, -1.7f }));
        }

        var logits = head.call(randn(16, 8, generator: new TorchSharp.torch.Generator(3)));

        Assert.Equal([16L, 4], logits.shape);
        var steps = (logits[.., ..^1] - logits[.., 1..]).data<float>().ToArray();
        float[] expected = [1.1f, 0.1f, 1.4f];
        for (var i = 0; i < steps.Length; i++)
        {
            Assert.Equal(expected[i % 3], steps[i], 1e-5f);
        }
    }

    [Fact]
    public void Dropout_acts_in_training_only()
    {
        using var scope = NewDisposeScope();
        using var head = new CoralHead(featureCount: 64, rankCount: 3, dropoutProbability: 0.5);
        var features = ones(4, 64);

        head.eval();
        var first = head.call(features);
        var second = head.call(features);
        head.train();
        var dropped = head.call(features);

        Assert.True(first.eq(second).all().item<bool>());
        Assert.False(first.allclose(dropped), "training-mode outputs equal eval-mode ones: no dropout");
    }

    /// <summary>
    /// Head, loss and decoding together: a hidden score x·v cut into 4 bands is learned from
    /// the features alone, the biases end ordered and almost every band is found.
    /// </summary>
    [Fact]
    public void Learns_a_banded_score_with_the_coral_loss()
    {
        using var scope = NewDisposeScope();
        manual_seed(7);
        var generator = new TorchSharp.torch.Generator(11);
        var features = randn(512, 5, generator: generator);
        var latent = features.matmul(tensor(new float[] { 1.0f, -0.5f, 0.8f, 0f, 0.3f }));
        var ranks = (latent.gt(-0.8f).to_type(ScalarType.Int64) + latent.gt(0f).to_type(ScalarType.Int64) + latent.gt(0.8f).to_type(ScalarType.Int64));
        using var head = new CoralHead(featureCount: 5, rankCount: 4, dropoutProbability: 0.0);
        using var optimizer = optim.Adam(head.parameters(), 0.05);

        head.train();
        for (var step = 0; step < 300; step++)
        {
            using var stepScope = NewDisposeScope();
            optimizer.zero_grad();
            OrdinalLoss.Coral(head.call(features), ranks).backward();
            optimizer.step();
        }

        head.eval();
        float[] logits;
        using (no_grad())
        {
            logits = head.call(features).contiguous().data<float>().ToArray();
        }

        var predictions = OrdinalDecoding.FromLogits(logits, thresholds: 3);
        var truth = ranks.data<long>().ToArray();
        var accuracy = predictions.Zip(truth).Count(p => p.First.Rank == p.Second) / (double)truth.Length;
        var bias = head.Bias.data<float>().ToArray();
        Assert.True(accuracy > 0.9, $"accuracy {accuracy:P1}");
        Assert.True(bias[0] > bias[1] && bias[1] > bias[2], $"biases not ordered: {string.Join(", ", bias)}");
    }

    [Fact]
    public void Fewer_than_two_ranks_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CoralHead(4, 1));
    }
}
