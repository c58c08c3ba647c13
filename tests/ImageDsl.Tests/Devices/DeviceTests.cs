using ImageDsl.Modeling;
using ImageDsl.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ImageDsl.Tests.Devices;

/// <summary>The device plumbing, on the CPU (this machine has no GPU; CUDA builds of libtorch are not installed here).</summary>
public class DeviceTests
{
    [Fact]
    public void An_explicit_CPU_device_trains_evaluates_predicts_saves_and_loads()
    {
        using var temp = new TemporaryDirectory();
        using var model = DeviceProbe.Model.Create(seed: 1);
        var data = DeviceProbeData.Write(model, temp.Path, 24);
        var options = new TrainingOptions { Device = CPU, Epochs = 2, BatchSize = 8, Augmentation = DeviceProbeData.Everything, CheckpointPath = Path.Combine(temp.Path, "run.ckpt") };
        model.Train(data, options);
        Assert.Equal(DeviceType.CPU, model.Device.type);
        Assert.All(model.Network.parameters(), p => Assert.Equal(DeviceType.CPU, p.device_type));

        var evaluation = model.Evaluate(data, TestTimeAugmentation.Flip);
        Assert.True(double.IsFinite(evaluation.Result.Loss), $"loss {evaluation.Result.Loss}");
        var image = Path.Combine(temp.Path, "000.png");
        var before = model.Predict(image);

        var path = Path.Combine(temp.Path, "probe.imgdsl");
        model.Save(path);
        using var loaded = DeviceProbe.Model.Load(path);
        loaded.Device = CPU;
        var after = loaded.Predict(image);
        Assert.Equal(before.Size, after.Size);
        Assert.Equal(before.Box, after.Box);
        Assert.Equal(before.Level, after.Level);

        // The checkpoint the run wrote resumes on the same device (optimizer state and random state included).
        using var resumed = DeviceProbe.Model.Create(seed: 1);
        resumed.Resume(options.CheckpointPath!, data, options with { Epochs = 2 });
        Assert.Equal(before.Size, resumed.Predict(image).Size);
    }

    [Fact]
    public void Asking_for_CUDA_without_it_fails_before_any_work_naming_the_device_and_the_fix()
    {
        if (cuda.is_available()) return; // only meaningful where CUDA is absent, as on this machine
        using var temp = new TemporaryDirectory();
        using var model = DeviceProbe.Model.Create(seed: 1);
        // Images that do not exist: reading them would fail with a file error, so the device error must come first.
        var missing = model.CreateDataset([(Path.Combine(temp.Path, "nowhere.png"), new DeviceProbe { Level = 1 })]);

        var train = Assert.Throws<ArgumentException>(() => model.Train(missing, new TrainingOptions { Device = new Device("cuda") }));
        Assert.Contains("TrainingOptions.Device is cuda", train.Message);
        Assert.Contains("TorchSharp-cuda-linux", train.Message);
        Assert.Equal(DeviceType.CPU, model.Device.type);

        var set = Assert.Throws<ArgumentException>(() => model.Device = new Device("cuda:1"));
        Assert.Contains("Device is cuda:1", set.Message);
        Assert.Throws<ArgumentException>(() => model.FindLearningRate(missing, new TrainingOptions { Device = new Device("cuda") }));
        Assert.Throws<ArgumentException>(() => new TrainingOptions { Device = new Device("cuda") }.Validate());
        Assert.Throws<ArgumentException>(() => model.Device = new Device("meta"));
    }

    [Fact]
    public void The_default_device_is_the_CPU_without_CUDA()
    {
        Assert.Equal(cuda.is_available() ? DeviceType.CUDA : DeviceType.CPU, ModelDevice.Default.type);
        using var model = DeviceProbe.Model.Create(seed: 1);
        Assert.Equal(ModelDevice.Default.type, model.Device.type);
    }
}
