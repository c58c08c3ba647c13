using System.Collections;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace ImageDsl.Pretrained;

/// <summary>
/// A state_dict read from a file: parameter and buffer names (torchvision's, e.g.
/// <c>layer1.0.conv1.weight</c>) mapped to tensors. Reads PyTorch <c>.pt</c>/<c>.pth</c> files
/// written by <c>torch.save(model.state_dict(), …)</c> and safetensors files; the format is
/// told from the file's content, not its extension. Dispose it once the weights are loaded.
/// </summary>
public sealed class PretrainedWeights : IDisposable
{
    private readonly Dictionary<string, Tensor> tensors;

    private PretrainedWeights(string source, Dictionary<string, Tensor> tensors)
    {
        Source = source;
        this.tensors = tensors;
    }

    /// <summary>The file the weights came from, for messages.</summary>
    public string Source { get; }

    /// <summary>The tensors by state_dict key.</summary>
    public IReadOnlyDictionary<string, Tensor> Tensors => tensors;

    /// <summary>Reads a PyTorch (zip format, PyTorch 1.6 and later) or safetensors state_dict file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="PretrainedWeightsException">The file is neither format, or holds something other than a state_dict.</exception>
    public static PretrainedWeights Read(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new FileNotFoundException($"Weights file not found: {full}", full);
        Native.LibTorch.EnsureLoaded();
        var format = Sniff(full);
        try
        {
            // Tensors outlive whatever dispose scope the caller is in: this object owns them.
            var read = format switch
            {
                WeightsFormat.PyTorchZip => FromPickle(full),
                WeightsFormat.Safetensors => Safetensors.LoadStateDict(full),
                _ => throw new PretrainedWeightsException(
                    $"{full} is neither a PyTorch state_dict saved by torch.save (a zip archive) nor a safetensors file. " +
                    "Files from PyTorch before 1.6 use an older format: load and re-save them with a current torch.save."),
            };
            foreach (var tensor in read.Values) tensor.DetachFromDisposeScope();
            return new PretrainedWeights(full, read);
        }
        catch (Exception e) when (e is not PretrainedWeightsException)
        {
            throw new PretrainedWeightsException($"{full} looks like a {Describe(format)} file but cannot be read: {e.Message}", e);
        }
    }

    /// <summary>Wraps tensors already in memory (they become owned by the new object).</summary>
    public static PretrainedWeights FromTensors(IReadOnlyDictionary<string, Tensor> tensors, string source = "(in memory)") =>
        new(source, new Dictionary<string, Tensor>(tensors));

    /// <summary>Releases the tensors' native memory.</summary>
    public void Dispose()
    {
        foreach (var tensor in tensors.Values) tensor.Dispose();
        tensors.Clear();
    }

    private static Dictionary<string, Tensor> FromPickle(string path)
    {
        var table = PyTorchUnpickler.UnpickleStateDict(path);
        var result = new Dictionary<string, Tensor>(table.Count);
        foreach (DictionaryEntry entry in table)
        {
            if (entry.Value is not Tensor tensor)
                throw new PretrainedWeightsException(
                    $"{path} is not a plain state_dict: key '{entry.Key}' holds a {entry.Value?.GetType().Name ?? "null"}, not a tensor. " +
                    "Save model.state_dict() itself, not a checkpoint dictionary around it.");
            result.Add((string)entry.Key, tensor);
        }
        return result;
    }

    private enum WeightsFormat { Unknown, PyTorchZip, Safetensors }

    private static string Describe(WeightsFormat format) => format == WeightsFormat.Safetensors ? "safetensors" : "PyTorch";

    private static WeightsFormat Sniff(string path)
    {
        Span<byte> head = stackalloc byte[9];
        using var stream = File.OpenRead(path);
        int read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (read >= 4 && head[0] == (byte)'P' && head[1] == (byte)'K' && head[2] == 3 && head[3] == 4) return WeightsFormat.PyTorchZip;
        // safetensors: an 8-byte little-endian header length, then the JSON header.
        if (read == 9 && head[8] == (byte)'{' && BitConverter.ToUInt64(head[..8]) < (ulong)stream.Length) return WeightsFormat.Safetensors;
        return WeightsFormat.Unknown;
    }
}
