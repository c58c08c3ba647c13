using ImageDsl.Data;
using ImageDsl.Specs;
using ImageDsl.Tests.EndToEnd;
using ImageDsl.Training;
using static TorchSharp.torch;

namespace ImageDsl.Tests.Loop;

/// <summary>Class-balanced sampling draws every class equally often; macro F1 can be what training monitors.</summary>
// The macro-F1 run compares epochs of one seeded initialisation, which a test training beside it would change.
[Collection(ImageDsl.Tests.EndToEnd.ReproducibleRuns.Name)]
public class ClassBalancedSamplingTests
{
    private static readonly InputSpec Input = new(8, 8, 1);

    private static ModelSpec Spec(params TargetSpec[] targets) => new("Balance", Input, Backbone.SmallCnn, targets);

    /// <summary>Samples whose first target is class <c>c</c> for <c>counts[c]</c> of them.</summary>
    private static ImageSample[] Samples(params int[] counts) =>
        counts.SelectMany((count, c) => Enumerable.Range(0, count).Select(i => new ImageSample($"{c}/{i}.png", [c, 7f]))).ToArray();

    [Fact]
    public void An_epoch_draws_each_class_about_equally_often_however_unbalanced_the_set()
    {
        var spec = Spec(new LabelTargetSpec("Kind", ["common", "rare", "rarest"]), new RangeTargetSpec("Age", 0, 10));
        var samples = Samples(900, 90, 10);
        var sampler = ClassBalancedSampler.For(spec, new TrainingOptions { Sampling = Sampling.ClassBalanced }, samples)!;
        using var generator = new TorchSharp.torch.Generator(3);

        var order = sampler.Epoch(generator);

        Assert.Equal(samples.Length, order.Length);
        var frequencies = order.GroupBy(i => (int)samples[i].Targets[0]).ToDictionary(g => g.Key, g => g.Count());
        // 1000 draws of p = 1/3: standard deviation about 15, so ±60 is four of them; shuffling would give 900/90/10.
        for (int c = 0; c < 3; c++) Assert.InRange(frequencies.GetValueOrDefault(c), 333 - 60, 333 + 60);
        // Rare images repeat, common ones are left out: draws are with replacement.
        Assert.True(order.Distinct().Count() < order.Length);
        // A second epoch draws anew.
        Assert.NotEqual(order, sampler.Epoch(generator));
    }

    [Fact]
    public void The_balance_target_is_found_by_name_or_as_the_first_class_target_and_others_are_refused()
    {
        var spec = Spec(new RangeTargetSpec("Age", 0, 10), new BinaryTargetSpec("Lit"), new LabelTargetSpec("Kind", ["a", "b"]));
        var samples = Enumerable.Range(0, 40).Select(i => new ImageSample($"{i}.png", [5f, i < 4 ? 1 : 0, i % 2])).ToArray();
        using var generator = new TorchSharp.torch.Generator(1);

        // By default the first that can be balanced: Lit, 4 positives of 40.
        var lit = ClassBalancedSampler.For(spec, new TrainingOptions { Sampling = Sampling.ClassBalanced }, samples)!.Epoch(generator);
        Assert.InRange(lit.Count(i => i < 4), 20 - 10, 20 + 10);
        Assert.Null(ClassBalancedSampler.For(spec, new TrainingOptions(), samples));

        var unknown = Assert.Throws<ArgumentException>(() => ClassBalancedSampler.For(spec, new TrainingOptions { Sampling = Sampling.ClassBalanced, BalanceTarget = "Colour" }, samples));
        Assert.Contains("BalanceTarget 'Colour' is not a target of Balance; its targets are Age, Lit, Kind", unknown.Message);
        var notClasses = Assert.Throws<ArgumentException>(() => ClassBalancedSampler.For(spec, new TrainingOptions { Sampling = Sampling.ClassBalanced, BalanceTarget = "Age" }, samples));
        Assert.Contains("needs a multi-class or yes/no [Labels] target", notClasses.Message);
        var none = Assert.Throws<ArgumentException>(() => ClassBalancedSampler.For(Spec(new RangeTargetSpec("Age", 0, 10)), new TrainingOptions { Sampling = Sampling.ClassBalanced }, samples));
        Assert.Contains("Balance has none", none.Message);
        Assert.Throws<ArgumentException>(() => new TrainingOptions { BalanceTarget = "Kind" }.Validate());
    }

    [Fact]
    [Trait("Category", "Training")]
    public void Training_with_balanced_sampling_runs_and_differs_from_shuffling()
    {
        var data = SampleDigits.LoadDataset(RepositoryPaths.BundledData("digits", "test")).Sample(32, seed: 5);
        double Loss(Sampling sampling)
        {
            using var model = SampleDigits.Model.Create(seed: 3);
            return model.Train(data, new TrainingOptions { Epochs = 1, BatchSize = 8, Seed = 4, Sampling = sampling }).Epochs.Single().TrainingLoss;
        }

        Assert.NotEqual(Loss(Sampling.Shuffle), Loss(Sampling.ClassBalanced));
    }

    [Fact]
    [Trait("Category", "Training")]
    public void Monitoring_macro_F1_keeps_the_epoch_with_the_best_macro_F1()
    {
        var all = SampleDigits.LoadDataset(RepositoryPaths.BundledData("digits", "test"));
        var (training, validation) = all.Sample(160, seed: 8).StratifiedSplit(0.5, seed: 1);
        using var model = SampleDigits.Model.Create(seed: 4);
        // A high constant rate makes macro F1 rise and fall between epochs, so the best is rarely the last
        // (here, measured: epoch 5 of 6, 0.095 against the last epoch's 0.069, so the restore is exercised).
        var options = new TrainingOptions
        {
            Epochs = 6, BatchSize = 16, LearningRate = 0.02, Schedule = LearningRateSchedule.Constant, Seed = 2,
            Monitor = "Digit.MacroF1", RestoreBestWeights = true,
        };

        var history = model.Train(training, options, validation: validation);

        var scores = history.Epochs.Select(e => e.Monitored!.Value).ToArray();
        int best = Array.IndexOf(scores, scores.Max()) + 1; // the first epoch that reached the maximum: later ties do not improve on it
        Assert.Equal(best, history.BestEpoch);
        var f1 = model.Evaluate(validation).Digit.Metrics.F1Macro!.Value;
        // The restored weights score what their epoch scored, the best of the run.
        Assert.Equal(scores[best - 1], f1, 9);
        Assert.Equal(scores.Max(), f1, 9);
    }
}
