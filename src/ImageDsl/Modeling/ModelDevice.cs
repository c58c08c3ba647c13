using ImageDsl.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace ImageDsl.Modeling;

/// <summary>
/// Where a model's network runs: the CPU or a CUDA GPU. Which ones exist depends on the libtorch
/// backend package the app references (<c>TorchSharp-cpu</c>, or <c>TorchSharp-cuda-linux</c> /
/// <c>TorchSharp-cuda-windows</c>) and on the machine; see the README's "GPU" section.
/// </summary>
public static class ModelDevice
{
    /// <summary>CUDA device 0 when libtorch has CUDA and sees a GPU, else the CPU: where a new or loaded model starts.</summary>
    public static Device Default
    {
        get
        {
            LibTorch.EnsureLoaded();
            return cuda.is_available() ? new Device(DeviceType.CUDA, 0) : CPU;
        }
    }

    /// <summary>
    /// Returns <paramref name="device"/> if a model can run there, or throws naming it and
    /// <paramref name="option"/> (the setting it came from) and saying what to do instead.
    /// </summary>
    /// <exception cref="ArgumentException">The device is neither the CPU nor an available CUDA device.</exception>
    public static Device Check(Device device, string option)
    {
        ArgumentNullException.ThrowIfNull(device);
        LibTorch.EnsureLoaded();
        switch (device.type)
        {
            case DeviceType.CPU:
                return device;
            case DeviceType.CUDA when !cuda.is_available():
                throw new ArgumentException(
                    $"{option} is {device}, but CUDA is not available in this process: the app's libtorch is the CPU build (package TorchSharp-cpu), " +
                    "or no NVIDIA GPU and driver were found. To train on a GPU, reference TorchSharp-cuda-linux or TorchSharp-cuda-windows instead of " +
                    "TorchSharp-cpu (README, \"GPU\"); to run on the CPU, use torch.CPU (or leave the device unset: the default is CUDA when available, else the CPU).",
                    option);
            case DeviceType.CUDA when device.index >= cuda.device_count():
                throw new ArgumentException(
                    $"{option} is {device}, but this machine has {cuda.device_count()} CUDA device(s) (cuda:0 to cuda:{cuda.device_count() - 1}).", option);
            case DeviceType.CUDA:
                return device;
            default:
                throw new ArgumentException($"{option} is {device}; ImageDsl models run on the CPU or a CUDA GPU (torch.CPU, torch.CUDA or new Device(\"cuda:N\")).", option);
        }
    }

    /// <summary>The device of <paramref name="module"/>'s first parameter or buffer (the CPU for a module that has neither).</summary>
    internal static Device Of(nn.Module module) =>
        module.parameters().Select(p => (Tensor)p).Concat(module.buffers()).FirstOrDefault()?.device ?? CPU;
}
