using TorchSharp;
using static TorchSharp.torch;

namespace ImageDsl.Modeling;

public abstract partial class ImageModel<TLabels, TPrediction>
{
    private Device device = CPU;

    /// <summary>
    /// Where the network runs: training, evaluation, prediction, calibration and explanations all
    /// run there, and every tensor they make goes there too. A new or loaded model starts on
    /// <see cref="ModelDevice.Default"/> (CUDA when available, else the CPU); setting this moves the
    /// weights, and <see cref="Training.TrainingOptions.Device"/> sets it for a run. Outputs come back to
    /// the CPU to be decoded, and model files and checkpoints hold CPU tensors, so a file saved on
    /// one device loads on any other.
    /// </summary>
    /// <exception cref="ArgumentException">The device is neither the CPU nor an available CUDA device (the message says what to install).</exception>
    public Device Device
    {
        get => device;
        set
        {
            ModelDevice.Check(value, nameof(Device));
            using var lease = usage.Enter("move to another device");
            Network.to(value);
            device = value;
        }
    }

    /// <summary>Puts a newly built network on <see cref="ModelDevice.Default"/>.</summary>
    private void PlaceOnDefaultDevice()
    {
        device = ModelDevice.Default;
        if (device.type != DeviceType.CPU) Network.to(device);
    }
}
