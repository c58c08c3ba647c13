using ImageDsl.Explanations;
using ImageDsl.Modeling;
using ImageDsl.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ImageDsl.Tests.Devices;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DefaultDeviceCollection
{
    /// <summary>These tests change libtorch's process-wide default device, so nothing else may run beside them.</summary>
    public const string Name = "Default device";
}

/// <summary>
/// Catches a tensor made on a fixed device at run time. The model runs on the CPU while
/// libtorch's default device is "meta" (shapes without data): a factory call that names no
/// device makes a meta tensor, which fails the first operation that meets a CPU tensor
/// ("found at least two devices, meta and cpu") or the first read of its data. So the code paths
/// run here (training with every augmentation, the learning-rate finder, evaluation with
/// test-time views, calibration, prediction, explanation) pass only if every tensor they make
/// follows the tensors it works with. <see cref="DeviceSourceTests"/> covers the paths not run.
/// </summary>
[Collection(DefaultDeviceCollection.Name)]
public class FixedDeviceTests
{
    [Fact]
    public void Every_tensor_follows_the_model_when_the_default_device_is_elsewhere()
    {
        using var temp = new TemporaryDirectory();
        using var model = DeviceProbe.Model.Create(seed: 3);
        model.Device = CPU;
        var data = DeviceProbeData.Write(model, temp.Path, 16);
        var image = Path.Combine(temp.Path, "001.png");
        var options = new TrainingOptions { Epochs = 1, BatchSize = 8, Augmentation = DeviceProbeData.Everything, BatchNormStatisticsImages = 8 };

        set_default_device(new Device("meta"));
        try
        {
            model.FindLearningRate(data, options, new LearningRateSearch { Steps = 5 });
            model.Train(data, options, validation: data);
            model.Evaluate(data, TestTimeAugmentation.Flip);
            model.Calibrate(data);
            model.Predict(image, TestTimeAugmentation.Flip);
            model.Explain(image, ExplainTarget.Value("Size"));
        }
        finally
        {
            set_default_device(CPU);
        }
    }

    [Fact]
    public void The_check_itself_fails_on_a_tensor_that_names_no_device()
    {
        using var x = ones(2, 3);
        set_default_device(new Device("meta"));
        try
        {
            var e = Assert.ThrowsAny<Exception>(() => { using var y = x * tensor(new float[] { 1, 2, 3 }); });
            Assert.Contains("meta", e.Message);
        }
        finally
        {
            set_default_device(CPU);
        }
    }
}
