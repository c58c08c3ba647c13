using ImageDsl.Networks;
using static TorchSharp.torch;

namespace ImageDsl.Pretrained;

/// <summary>
/// Copies a state_dict into a network by name. Every mismatch is found before anything is
/// copied, so a file that does not fit leaves the network untouched and the exception names
/// each missing, unexpected or mis-shaped tensor.
/// </summary>
public static class WeightLoader
{
    /// <summary>
    /// What torchvision's ResNet classifiers have and their backbones do not: the final <c>fc</c>
    /// layer, ignored when loading into a backbone so the model's own heads replace it. Each
    /// backbone says its own (<see cref="BackboneModule.ClassifierPrefixes"/>); this is the default.
    /// </summary>
    public static IReadOnlyList<string> ClassifierPrefixes { get; } = ["fc."];

    /// <summary>
    /// Loads <paramref name="weights"/> into <paramref name="backbone"/>, ignoring the
    /// classifier layers it lacks (<see cref="BackboneModule.ClassifierPrefixes"/>: <c>fc.*</c> for
    /// ResNet) and adapting the first convolution between 1 and 3 channels. Weights stored in
    /// float16 or bfloat16, as many published checkpoints are, are widened to the network's float32
    /// exactly (every such value is a float32 value).
    /// </summary>
    public static WeightLoadReport LoadBackbone(BackboneModule backbone, PretrainedWeights weights) =>
        Load(backbone, weights, backbone.ClassifierPrefixes, backbone.InputConvolution);

    /// <summary>Reads <paramref name="path"/> (.pt, .pth or .safetensors) and loads it into <paramref name="backbone"/>.</summary>
    public static WeightLoadReport LoadBackbone(BackboneModule backbone, string path)
    {
        using var weights = PretrainedWeights.Read(path);
        return LoadBackbone(backbone, weights);
    }

    /// <summary>
    /// Loads <paramref name="weights"/> into <paramref name="network"/>: every key of the
    /// network's state_dict must be in the file with the same shape, and every key of the file
    /// must be in the network unless it starts with one of <paramref name="ignoredPrefixes"/>.
    /// </summary>
    /// <param name="network">The module whose parameters and buffers are overwritten.</param>
    /// <param name="weights">The state_dict.</param>
    /// <param name="ignoredPrefixes">File keys to leave out, e.g. <c>fc.</c>.</param>
    /// <param name="inputConvolution">The key whose input channels may be adapted (see <see cref="ChannelAdaptation"/>), or null.</param>
    /// <exception cref="PretrainedWeightsException">Something does not fit; nothing was copied.</exception>
    public static WeightLoadReport Load(nn.Module network, PretrainedWeights weights, IReadOnlyList<string>? ignoredPrefixes = null, string? inputConvolution = null)
    {
        ignoredPrefixes ??= [];
        var problems = new List<string>();
        var adaptations = new List<string>();
        var copies = new List<(Tensor Target, Tensor Source, bool Owned)>();
        var target = network.state_dict();
        var file = weights.Tensors;
        int found = 0;

        foreach (var (key, tensor) in target)
        {
            if (!file.TryGetValue(key, out var source))
            {
                // PyTorch before 0.4.1 saved batch norm without this counter; PyTorch itself
                // loads such files, and eval-mode results do not depend on it.
                if (!key.EndsWith(".num_batches_tracked", StringComparison.Ordinal))
                    problems.Add($"missing: {key} {Shape(tensor.shape)} is not in the file");
                continue;
            }
            found++;
            if (source.shape.AsSpan().SequenceEqual(tensor.shape))
            {
                copies.Add((tensor, source, false));
            }
            else if (key == inputConvolution && ChannelAdaptation.CanAdapt(source.shape, tensor.shape))
            {
                copies.Add((tensor, ChannelAdaptation.Adapt(source, tensor.shape[1]).DetachFromDisposeScope(), true));
                adaptations.Add(ChannelAdaptation.Describe(key, source.shape[1], tensor.shape[1]));
            }
            else
            {
                var hint = key == inputConvolution && source.shape.Length == 4 && tensor.shape.Length == 4 && source.shape[1] != tensor.shape[1]
                    ? $" (the file was trained on {source.shape[1]}-channel images; only 1 and 3 channels convert into each other)" : "";
                problems.Add($"mis-shaped: {key}: the file has {Shape(source.shape)}, the network needs {Shape(tensor.shape)}{hint}");
            }
        }

        var ignored = new List<string>();
        foreach (var key in file.Keys.Order(StringComparer.Ordinal))
        {
            if (target.ContainsKey(key)) continue;
            if (ignoredPrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal))) ignored.Add(key);
            else problems.Add($"unexpected: {key} {Shape(file[key].shape)} is in the file but not in the network");
        }

        if (problems.Count > 0)
        {
            foreach (var copy in copies.Where(c => c.Owned)) copy.Source.Dispose();
            var hint = found == 0 && file.Count > 0
                ? $" None of the network's keys is in the file, whose keys look like '{string.Join("', '", file.Keys.Order(StringComparer.Ordinal).Take(3))}': is it for another architecture, or saved with a prefix such as 'module.'?"
                : "";
            throw new PretrainedWeightsException($"The weights in {weights.Source} do not fit {network.GetName()}.{hint}", problems);
        }

        using (no_grad())
        {
            foreach (var (destination, source, owned) in copies)
            {
                destination.copy_(source);
                if (owned) source.Dispose();
            }
        }
        return new WeightLoadReport(weights.Source, copies.Count, ignored, adaptations);
    }

    private static string Shape(ReadOnlySpan<long> shape) => $"[{string.Join(", ", shape.ToArray())}]";
}

/// <summary>What a load did.</summary>
/// <param name="Source">The file the weights came from.</param>
/// <param name="Loaded">Number of tensors copied into the network.</param>
/// <param name="Ignored">File keys deliberately left out (the classifier's <c>fc.*</c>).</param>
/// <param name="Adaptations">Tensors converted to another channel count, described.</param>
public sealed record WeightLoadReport(string Source, int Loaded, IReadOnlyList<string> Ignored, IReadOnlyList<string> Adaptations)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"Loaded {Loaded} tensors from {Source}" +
        (Ignored.Count > 0 ? $"; ignored {string.Join(", ", Ignored)}" : "") +
        (Adaptations.Count > 0 ? $"; {string.Join("; ", Adaptations)}" : "");
}
