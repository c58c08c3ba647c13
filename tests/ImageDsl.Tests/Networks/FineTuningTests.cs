using ImageDsl.Data;
using ImageDsl.Networks;
using ImageDsl.Pretrained;
using ImageDsl.Training;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace ImageDsl.Tests.Networks;

public class FineTuningTests
{
    private static readonly Specs.ModelSpec Spec = BackboneData.Digits(Backbone.ResNet18, 32, 1);

    [Fact]
    public void Frozen_backbone_keeps_weights_and_batch_norm_statistics_while_heads_learn()
    {
        using var model = HandWrittenModel.Create(Spec, seed: 1);
        var backboneBefore = BackboneData.Snapshot(model.Layers.Backbone);
        var headBefore = BackboneData.Snapshot(model.Layers.Head);

        model.Train(BackboneData.Sample(Spec, 32), new TrainingOptions { Epochs = 1, BatchSize = 16, FreezeBackbone = true });

        Assert.All(model.Layers.Backbone.state_dict(), kv => Assert.True(
            BackboneData.MaxAbsDifference(kv.Value, backboneBefore[kv.Key]) == 0, $"{kv.Key} changed while frozen"));
        Assert.Contains(model.Layers.Head.state_dict(), kv => BackboneData.MaxAbsDifference(kv.Value, headBefore[kv.Key]) > 0);
        Assert.All(model.Layers.Backbone.parameters(), p => Assert.True(p.requires_grad, "training must give the parameters back their trainability"));
    }

    [Fact]
    public void Backbone_unfreezes_after_the_given_epochs()
    {
        using var model = HandWrittenModel.Create(Spec, seed: 2);
        var before = BackboneData.Snapshot(model.Layers.Backbone);
        var stem = model.Layers.Backbone.state_dict()["bn1.num_batches_tracked"];
        var counted = new List<long>();

        model.Train(BackboneData.Sample(Spec, 32), new TrainingOptions { Epochs = 2, BatchSize = 16, FreezeBackbone = true, UnfreezeBackboneAfterEpochs = 1 },
            new AtEpochEnd(() => counted.Add(stem.item<long>())));

        var state = model.Layers.Backbone.state_dict();
        Assert.True(BackboneData.MaxAbsDifference(state["layer1.0.conv1.weight"], before["layer1.0.conv1.weight"]) > 0);
        // Epoch 1 ran batch norm in evaluation mode (it counted no batch), epoch 2 in training mode (its two).
        Assert.Equal([0L, 2L], counted);
        // The statistics recomputed for the final weights: the unfrozen backbone's too, from two batches of 16.
        Assert.Equal(2, state["bn1.num_batches_tracked"].item<long>());
        Assert.True(BackboneData.MaxAbsDifference(state["bn1.running_mean"], before["bn1.running_mean"]) > 0);
    }

    [Fact]
    public void Backbone_gets_its_share_of_the_scheduled_learning_rate()
    {
        using var model = HandWrittenModel.Create(Spec);
        var options = new TrainingOptions { LearningRate = 0.01, BackboneLearningRateFactor = 0.1 };
        using var fineTuning = new FineTuning(model.Network, options);

        foreach (var kind in Enum.GetValues<OptimizerKind>())
        {
            using var optimizer = Optimizers.Create(options with { Optimizer = kind }, fineTuning);
            fineTuning.SetLearningRate(optimizer, 0.02);
            var groups = optimizer.ParamGroups.ToArray();

            Assert.Equal(2, groups.Length);
            Assert.Equal(model.Layers.Backbone.parameters().Count(), ((TorchSharp.Modules.ParamGroup)groups[0]).Parameters.Count());
            Assert.Equal(model.Layers.Head.parameters().Count(), ((TorchSharp.Modules.ParamGroup)groups[1]).Parameters.Count());
            Assert.Equal(0.002, groups[0].LearningRate, 12);
            Assert.Equal(0.02, groups[1].LearningRate, 12);
        }
    }

    [Fact]
    public void Options_that_cannot_work_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new TrainingOptions { UnfreezeBackboneAfterEpochs = 2 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingOptions { BackboneLearningRateFactor = 0 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingOptions { FreezeBackbone = true, UnfreezeBackboneAfterEpochs = -1 }.Validate());
        using var plain = nn.Linear(2, 2);
        var error = Assert.Throws<InvalidOperationException>(() => new FineTuning(plain, new TrainingOptions { FreezeBackbone = true }));
        Assert.Contains("need a network with a BackboneModule", error.Message);
    }

    [Fact]
    public void Pretrained_backbone_brings_imagenet_normalization_which_training_keeps_and_the_file_saves()
    {
        using var temp = new TemporaryDirectory();
        manual_seed(21);
        using (var torchvision = new ResNetClassifier(ResNetDepth.ResNet18, classes: 1000))
            PyTorchPickler.PickleStateDict(temp.File("resnet18.pth"), BackboneData.Snapshot(torchvision));
        using var model = HandWrittenModel.Create(Spec);

        var report = model.LoadPretrainedBackbone(temp.File("resnet18.pth"));
        model.Train(BackboneData.Sample(Spec, 16), new TrainingOptions { Epochs = 1, BatchSize = 16, FreezeBackbone = true });
        model.Save(temp.File("model.imgdsl"));
        using var loaded = HandWrittenModel.Load(Spec, temp.File("model.imgdsl"));

        Assert.Single(report.Adaptations);
        Assert.Equal(new Normalization([0.449f], [0.226f]), model.Normalization);
        Assert.Equal(model.Normalization, loaded.Normalization);
        Assert.Throws<InvalidOperationException>(() => model.LoadPretrainedBackbone(temp.File("resnet18.pth")));
    }

    [Fact]
    public void ImageNet_statistics_for_rgb_and_gray()
    {
        Assert.Equal(new Normalization([0.485f, 0.456f, 0.406f], [0.229f, 0.224f, 0.225f]), ImageNet.Normalization(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageNet.Normalization(2));
    }

    private sealed class AtEpochEnd(Action observe) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value)
        {
            if (value.EpochCompleted) observe();
        }
    }
}
