using ImageDsl.Data;
using ImageDsl.Specs;
using ImageDsl.Tests.EndToEnd;
using ImageDsl.Tests.Networks;
using ImageDsl.Training;

namespace ImageDsl.Tests.Loop;

/// <summary>The sample digits spec, declaring the augmentation it trains with.</summary>
[ImageModel(Width = 28, Height = 28, Channels = 1)]
[Augment(Shift = 2, Brightness = 0.2, Noise = 0.05)]
public partial class AugmentedDigits
{
    /// <summary>The digit shown.</summary>
    [Labels] public Digit Digit { get; init; }
}

/// <summary>
/// An augmentation declared on the spec with <c>[Augment]</c> is what training uses when the
/// options leave it unset; an explicit one wins; and either is checked against the targets.
/// </summary>
// Compares training runs loss for loss: initialisation and dropout draw from the process-wide generator.
[Collection(ImageDsl.Tests.EndToEnd.ReproducibleRuns.Name)]
public class DeclaredAugmentationTests
{
    private static readonly Augmentation Declared = new() { Shift = 2, Brightness = 0.2, Noise = 0.05 };

    [Fact]
    public void The_generated_spec_and_model_carry_the_declared_augmentation()
    {
        Assert.Equal(Declared, AugmentedDigits.Augmentation);
        Assert.Same(Augmentation.None, SampleDigits.Augmentation);
        using var model = AugmentedDigits.Model.Create();
        Assert.Same(AugmentedDigits.Augmentation, model.DeclaredAugmentation);
    }

    [Fact]
    public void Training_without_an_augmentation_in_the_options_uses_the_declared_one()
    {
        var data = AugmentedDigits.LoadDataset(RepositoryPaths.BundledData("digits", "test")).Sample(16, seed: 4);
        double Loss(Augmentation? augmentation)
        {
            using var model = AugmentedDigits.Model.Create(seed: 5);
            var history = model.Train(data, new TrainingOptions { Epochs = 1, BatchSize = 8, Seed = 6, Augmentation = augmentation });
            return history.Epochs.Single().TrainingLoss;
        }

        double unset = Loss(null);
        double declared = Loss(Declared);
        double none = Loss(Augmentation.None);

        // The same seed draws the same changes: an unset augmentation trains exactly as the declared
        // one passed explicitly, and not as training without augmentation.
        Assert.Equal(declared, unset);
        Assert.NotEqual(none, unset);
    }

    [Fact]
    public void A_declared_augmentation_is_checked_against_the_targets_and_explicit_options_replace_it()
    {
        // Labels that name a side: a flip would swap them. The analyzer refuses this for [Augment];
        // the runtime refuses it too, for a model built without the generator.
        var sides = TestSpecs.DigitNames.Select(n => n + (n.Length % 2 == 0 ? "Left" : "Right")).ToArray();
        var spec = TestSpecs.Digits() with
        {
            Targets = [new LabelTargetSpec("Digit", sides, aliases: Enumerable.Range(0, 10).Select(i => i.ToString()).ToArray())],
        };
        var data = ImageDataset.Load(spec, RepositoryPaths.BundledData("digits", "test")).Sample(8, seed: 1);
        using var model = HandWrittenModel.Create(spec, declaredAugmentation: new Augmentation { FlipHorizontal = true });

        var error = Assert.Throws<InvalidOperationException>(() => model.Train(data, new TrainingOptions { Epochs = 1 }));
        var history = model.Train(data, new TrainingOptions { Epochs = 1, Augmentation = Augmentation.None });

        Assert.Contains("FlipHorizontal would corrupt target Digit: its labels name a side", error.Message);
        Assert.Single(history.Epochs);
    }
}
