using System.Security.Cryptography;
using System.Text.Json;
using Google.Protobuf;
using ImageDsl.Onnx.Protobuf;
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

    /// <summary>
    /// SHA-256 (hex) of the serialized model without this entry (every node, weight and metadata
    /// entry; ImageDsl writes no external-data companion files, so the .onnx file is all there is):
    /// the ONNX predictor recomputes it and refuses a file changed since export. Files exported before it existed have none and are read unchecked.
    /// </summary>
    public const string ChecksumKey = "imagedsl.sha256";

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

    /// <summary>The checksum <see cref="ChecksumKey"/> holds for <paramref name="model"/>: of the whole model without that entry.</summary>
    internal static string Checksum(ModelProto model)
    {
        var copy = model.Clone();
        foreach (var entry in copy.MetadataProps.Where(p => p.Key == ChecksumKey).ToArray()) copy.MetadataProps.Remove(entry);
        return Convert.ToHexString(SHA256.HashData(copy.ToByteArray()));
    }

    /// <summary>
    /// Refuses an exported file whose graph or metadata no longer match the checksum written at export; a file without one (exported by an older ImageDsl) passes unchecked.
    /// </summary>
    internal static void Verify(string path)
    {
        ModelProto model;
        try
        {
            model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(path));
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new ModelFileException($"ONNX model {path} is damaged: it is not a valid ONNX protobuf ({e.Message}).", path, "protobuf", e);
        }
        var stored = model.MetadataProps.FirstOrDefault(p => p.Key == ChecksumKey)?.Value;
        if (stored is null) return;
        if (!string.Equals(stored, Checksum(model), StringComparison.OrdinalIgnoreCase))
            throw new ModelFileException($"ONNX model {path} is damaged: its graph or metadata do not match the checksum written at export ({ChecksumKey}).", path, ChecksumKey);
    }

    /// <summary>The spec stored in an exported model's metadata, or null if it has none.</summary>
    internal static ModelSpec? ReadSpec(IReadOnlyDictionary<string, string> metadata) =>
        metadata.TryGetValue(SpecKey, out var json) ? SpecJson.Read(json) : null;
}
