using System.Reflection;
using System.Runtime.InteropServices;
using TorchSharp;

namespace ImageDsl.Native;

/// <summary>
/// Makes libtorch load failures explain themselves. TorchSharp reports any failure to
/// load its native library as a missing package reference; the loader's own message
/// (a missing GLIBCXX version, a missing file) is what a user needs to see.
/// </summary>
public static class LibTorch
{
    private static readonly Lazy<string?> LoadFailure = new(TryInitialize);

    /// <summary>Loads libtorch once, throwing <see cref="InvalidOperationException"/> with the real reason if it cannot.</summary>
    public static void EnsureLoaded()
    {
        if (LoadFailure.Value is { } failure) throw new InvalidOperationException(failure);
    }

    private static string? TryInitialize()
    {
        try
        {
            torch.InitializeDeviceType(DeviceType.CPU);
            return null;
        }
        catch (Exception e)
        {
            return "libtorch could not be loaded: " + DescribeNativeFailure() + $" (TorchSharp said: {e.GetBaseException().Message})";
        }
    }

    /// <summary>Asks the platform loader directly, which names the real cause.</summary>
    public static string DescribeNativeFailure()
    {
        var directory = Path.GetDirectoryName(typeof(torch).Assembly.Location) ?? AppContext.BaseDirectory;
        var name = OperatingSystem.IsWindows() ? "LibTorchSharp.dll"
            : OperatingSystem.IsMacOS() ? "libLibTorchSharp.dylib" : "libLibTorchSharp.so";
        var rid = RuntimeInformation.RuntimeIdentifier;
        var candidates = new[]
        {
            Path.Combine(directory, name),
            Path.Combine(directory, "runtimes", rid, "native", name),
            Path.Combine(directory, "runtimes", $"{(OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux")}-{RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()}", "native", name),
        };
        foreach (var path in candidates.Distinct())
        {
            if (!File.Exists(path)) continue;
            try
            {
                NativeLibrary.Free(NativeLibrary.Load(path));
                return $"{path} loads by itself, so a library it depends on is missing";
            }
            catch (Exception e)
            {
                return $"loading {path} failed: {e.Message}";
            }
        }
        return $"{name} was not found next to TorchSharp.dll ({directory}) or under runtimes/*/native";
    }
}
