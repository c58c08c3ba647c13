using System.Text.Json;
using ImageDsl.Data;
using ImageDsl.Modeling;
using ImageDsl.Specs;

namespace ImageDsl.Onnx;

/// <summary>
/// The metadata an exported model carries, readable by any ONNX tool: the spec (so the ONNX
/// predictor can refuse a file exported for a different spec, as <c>Load</c> does), the
/// normalization baked into the graph, each label output's label order and each vector output's
/// component order.
/// </summary>
public static class OnnxMetadata
{
    /// <summary>The spec as JSON, in the model file's format.</summary>
    public const string SpecKey = "imagedsl.spec";

    /// <summary>The per-channel mean and std the graph's first nodes apply, as JSON.</summary>
    public const string NormalizationKey = "imagedsl.normalization";

    /// <summary>Prefix of <c>imagedsl.labels.{output}</c>: the output's labels in order, comma-separated (multi-class and multi-label targets).</summary>
    public const string LabelsKeyPrefix = "imagedsl.labels.";

    /// <summary>Prefix of <c>imagedsl.components.{output}</c>: a vector or box output's components in order, comma-separated.</summary>
    public const string ComponentsKeyPrefix = "imagedsl.components.";

    internal static IEnumerable<(string Key, string Value)> For(ModelSpec spec, Normalization normalization, IReadOnlyList<string> outputs)
    {
        yield return (SpecKey, JsonSerializer.Serialize(spec, ModelFile.Json));
        yield return (NormalizationKey, JsonSerializer.Serialize(normalization, ModelFile.Json));
        for (int t = 0; t < spec.Targets.Count; t++)
        {
            if (spec.Targets[t].OnnxOrder is { } order)
                yield return (order.KeyPrefix + outputs[t], string.Join(",", order.Names));
        }
    }

    /// <summary>The spec stored in an exported model's metadata, or null if it has none.</summary>
    internal static ModelSpec? ReadSpec(IReadOnlyDictionary<string, string> metadata) =>
        metadata.TryGetValue(SpecKey, out var json) ? JsonSerializer.Deserialize<ModelSpec>(json, ModelFile.Json) : null;
}
