using ImageDsl.Data;
using ImageDsl.Specs;
using ImageDsl.Tests.EndToEnd;
using ImageDsl.Training;
using static TorchSharp.torch;

namespace ImageDsl.Tests.Loop;

/// <summary>Mixup and CutMix: images mixed by the drawn share, labels mixed as soft targets by the same share, the loss that of the soft targets.</summary>
public class LabelMixingTests
{
    private static readonly InputSpec Input = new(16, 12, 3);
    private const int Images = 8;

    private static ModelSpec Spec(params TargetSpec[] targets) => new("Mix", Input, Backbone.SmallCnn, targets);

    private static MixedBatch Mix(Tensor images, Augmentation augmentation, int seed)
    {
        using var generator = new TorchSharp.torch.Generator((ulong)seed);
        return LabelMixing.Mix(images, augmentation, generator);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Mixup_blends_each_image_with_its_partner_by_the_share(int seed)
    {
        using var scope = NewDisposeScope();
        var images = rand(Images, 3, Input.Height, Input.Width);
        var mix = Mix(images, new Augmentation { Mixup = 0.4 }, seed);

        Assert.False(mix.IsCutMix);
        Assert.InRange(mix.Share, 0, 1);
        var expected = images * mix.Share + images.index_select(0, mix.Partners) * (1 - mix.Share);
        Assert.True(allclose(mix.Images, expected, atol: 1e-6));
        Assert.Equal(Enumerable.Range(0, Images).Select(i => (long)i), mix.Partners.data<long>().ToArray().Order());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(6)]
    public void CutMix_pastes_one_rectangle_and_the_share_is_the_area_left_unpasted(int seed)
    {
        using var scope = NewDisposeScope();
        // Each image a constant of its own, so every pixel tells whose it is.
        var images = arange(Images, ScalarType.Float32).reshape(Images, 1, 1, 1).expand(Images, 3, Input.Height, Input.Width).contiguous();
        var mix = Mix(images, new Augmentation { CutMix = 1 }, seed);

        Assert.True(mix.IsCutMix);
        var own = (mix.Images == images).to_type(ScalarType.Float32).mean([1, 2, 3]);
        var partner = (mix.Images == images.index_select(0, mix.Partners)).to_type(ScalarType.Float32).mean([1, 2, 3]);
        var partners = mix.Partners.data<long>().ToArray();
        for (int i = 0; i < Images; i++)
        {
            if (partners[i] == i) continue; // paired with itself: nothing changes
            Assert.Equal(mix.Share, own[i].item<float>(), 5);
            Assert.Equal(1 - mix.Share, partner[i].item<float>(), 5);
        }
    }

    [Fact]
    public void The_share_follows_Beta_alpha_alpha_and_both_mixes_are_used_when_both_are_on()
    {
        using var scope = NewDisposeScope();
        var images = rand(4, 3, Input.Height, Input.Width);
        var shares = Enumerable.Range(0, 400).Select(seed => Mix(images, new Augmentation { Mixup = 0.2 }, seed).Share).ToArray();
        // Beta(0.2, 0.2): mean 1/2, and most of its mass near 0 and 1 (P(0.1 < λ < 0.9) ≈ 0.26).
        Assert.InRange(shares.Average(), 0.42, 0.58);
        Assert.InRange(shares.Count(s => s is > 0.1 and < 0.9) / 400.0, 0.15, 0.38);

        var kinds = Enumerable.Range(0, 200).Select(seed => Mix(images, new Augmentation { Mixup = 0.2, CutMix = 1 }, seed).IsCutMix).ToArray();
        Assert.InRange(kinds.Count(k => k), 70, 130);
    }

    [Fact]
    public void Soft_targets_sum_to_one_and_the_mixed_loss_is_the_cross_entropy_on_them()
    {
        using var scope = NewDisposeScope();
        var spec = Spec(new LabelTargetSpec("Species", ["cat", "dog", "fox", "owl"]), new LabelTargetSpec("Binaryish", ["no", "yes"]));
        var targets = tensor(new float[] { 0, 1, 1, 0, 2, 1, 3, 0, 0, 0, 1, 1, 2, 0, 3, 1 }).reshape(Images, 2);
        var outputs = new[] { randn(Images, 4), randn(Images, 2) };
        var losses = Enumerable.Range(0, spec.Targets.Count).Select(t => TargetLoss.For(spec, t)).ToArray();
        var mix = Mix(rand(Images, 3, Input.Height, Input.Width), new Augmentation { Mixup = 1 }, 3);

        var soft = LabelMixing.SoftTargets(spec, targets, mix);
        var mixed = LabelMixing.Loss((o, t) => TargetLoss.Total(losses, o, t, null), outputs, targets, mix).item<float>();

        Assert.True(allclose(soft[0].sum(1), ones(Images), atol: 1e-6) && allclose(soft[1].sum(1), ones(Images), atol: 1e-6));
        // Each row puts λ on its own label and 1 − λ on its partner's.
        var partners = mix.Partners.data<long>().ToArray();
        var row = soft[0][0].data<float>().ToArray();
        int own = (int)targets[0, 0].item<float>(), other = (int)targets[partners[0], 0].item<float>();
        Assert.Equal(own == other ? 1 : mix.Share, row[own], 5);
        float onSoft = 0;
        for (int t = 0; t < 2; t++) onSoft += -(soft[t] * outputs[t].log_softmax(1)).sum(1).mean().item<float>();
        Assert.Equal(onSoft, mixed, 4);
    }

    [Fact]
    public void For_yes_no_and_multi_label_targets_the_mixed_loss_is_the_binary_cross_entropy_on_the_soft_flags()
    {
        using var scope = NewDisposeScope();
        var spec = Spec(new BinaryTargetSpec("Lit", negativeLabel: "dark", positiveLabel: "lit"), new MultiLabelTargetSpec("Tags", ["a", "b", "c"]));
        var targets = tensor(Enumerable.Range(0, Images * 4).Select(i => (float)((i * 7 + i / 3) % 2)).ToArray()).reshape(Images, 4);
        var outputs = new[] { randn(Images, 1), randn(Images, 3) };
        var losses = Enumerable.Range(0, spec.Targets.Count).Select(t => TargetLoss.For(spec, t)).ToArray();
        var mix = Mix(rand(Images, 3, Input.Height, Input.Width), new Augmentation { CutMix = 1 }, 5);

        var soft = LabelMixing.SoftTargets(spec, targets, mix);
        var mixed = LabelMixing.Loss((o, t) => TargetLoss.Total(losses, o, t, null), outputs, targets, mix).item<float>();

        float onSoft = 0;
        for (int t = 0; t < 2; t++)
        {
            Assert.True(soft[t].min().item<float>() >= 0 && soft[t].max().item<float>() <= 1);
            onSoft += nn.functional.binary_cross_entropy_with_logits(outputs[t], soft[t]).item<float>();
        }
        Assert.Equal(onSoft, mixed, 4);
    }

    [Fact]
    public void Mixing_a_spec_with_a_target_that_is_not_a_label_is_refused()
    {
        var spec = Spec(new LabelTargetSpec("Species", ["cat", "dog"]), new RangeTargetSpec("Age", 0, 20));

        var conflict = Assert.Single(new Augmentation { CutMix = 1 }.Conflicts(spec));

        Assert.Contains("CutMix mixes the targets of two images, which only labels can be (as soft targets); target Age", conflict);
        Assert.Empty(new Augmentation { Mixup = 0.2 }.Conflicts(Spec(new LabelTargetSpec("Species", ["cat", "dog"]), new BinaryTargetSpec("Lit", negativeLabel: "dark", positiveLabel: "lit"))));
    }

    [Fact]
    [Trait("Category", "Training")]
    public void Training_with_mixup_trains_on_the_mixed_loss()
    {
        var data = SampleDigits.LoadDataset(RepositoryPaths.BundledData("digits", "test")).Sample(24, seed: 2);
        double Loss(Augmentation augmentation)
        {
            using var model = SampleDigits.Model.Create(seed: 3);
            return model.Train(data, new TrainingOptions { Epochs = 1, BatchSize = 8, Seed = 4, Augmentation = augmentation }).Epochs.Single().TrainingLoss;
        }

        double plain = Loss(Augmentation.None), mixed = Loss(new Augmentation { Mixup = 0.4, CutMix = 1 });

        Assert.True(double.IsFinite(mixed));
        Assert.NotEqual(plain, mixed);
    }
}
