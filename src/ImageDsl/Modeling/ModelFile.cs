using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ImageDsl.Data;
using ImageDsl.Specs;
using static TorchSharp.torch;

namespace ImageDsl.Modeling;

/// <summary>
/// The model file: a magic header, a JSON document (the spec, the normalization and what
/// wrote it), then TorchSharp's weights. Written to a temporary file and renamed into
/// place, so a crash mid-save leaves the previous file intact.
/// </summary>
public static class ModelFile
{
    private static readonly byte[] Magic = "IMGDSL\0\u0001"u8.ToArray();
    /// <summary>
    /// Version 2 added target statistics to the header and the new target kinds to the spec;
    /// version 1 files are refused with a message saying so.
    /// </summary>
    private const int FormatVersion = 2;

    /// <summary>JSON settings shared by model files and reports.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { StoredTargets.AddKinds } },
    };

    /// <summary>The JSON header of a model file.</summary>
    /// <param name="FormatVersion">Version of this file layout.</param>
    /// <param name="Spec">The spec the weights belong to.</param>
    /// <param name="Normalization">The pixel normalization used in training.</param>
    /// <param name="SavedAt">When it was written (UTC).</param>
    /// <param name="TargetStatistics">Training-set statistics of the standardized targets (format 2 on).</param>
    /// <param name="Calibration">Temperatures and prediction intervals fitted on held-out images, if any (absent in files saved before calibration existed; they load uncalibrated).</param>
    public sealed record Header(int FormatVersion, ModelSpec Spec, Normalization Normalization, DateTime SavedAt, TargetStatistics? TargetStatistics = null,
        Calibration.ModelCalibration? Calibration = null);

    /// <summary>Writes <paramref name="network"/>'s weights with their spec to <paramref name="path"/>, atomically.</summary>
    public static void Write(string path, ModelSpec spec, Normalization normalization, nn.Module network) =>
        Write(path, spec, normalization, TargetStatistics.Identity(spec.EncodedWidth), network);

    /// <summary>Writes <paramref name="network"/>'s weights with their spec and target statistics to <paramref name="path"/>, atomically.</summary>
    public static void Write(string path, ModelSpec spec, Normalization normalization, TargetStatistics statistics, nn.Module network) =>
        Write(path, spec, normalization, statistics, network, calibration: null);

    /// <summary>Writes <paramref name="network"/>'s weights with their spec, target statistics and calibration to <paramref name="path"/>, atomically.</summary>
    public static void Write(string path, ModelSpec spec, Normalization normalization, TargetStatistics statistics, nn.Module network, Calibration.ModelCalibration? calibration) =>
        AtomicFile.Write(path, stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            WriteHeader(writer, new Header(FormatVersion, spec, normalization, DateTime.UtcNow, statistics, calibration is { IsEmpty: false } ? calibration : null));
            network.save(writer);
        });

    internal static void WriteHeader<T>(BinaryWriter writer, T header, byte[]? magic = null)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(header, Json);
        writer.Write(magic ?? Magic);
        writer.Write(json.Length);
        writer.Write(json);
    }

    /// <summary>Reads only the JSON header: what a model file is for, without loading weights.</summary>
    public static Header ReadHeader(string path)
    {
        using var stream = OpenChecked(path);
        using var reader = new BinaryReader(stream);
        return ReadHeader(reader, path);
    }

    /// <summary>
    /// Loads weights saved for <paramref name="expected"/> into <paramref name="network"/>. A file
    /// saved for a different spec is refused with a message listing what differs.
    /// </summary>
    public static Header Read(string path, ModelSpec expected, nn.Module network)
    {
        using var stream = OpenChecked(path);
        using var reader = new BinaryReader(stream);
        var header = ReadHeader(reader, path);
        var differences = Differences(header.Spec, expected);
        if (differences.Count > 0)
            throw new ModelFileException(
                $"Model file {path} was saved for spec {header.Spec.Name}, which differs from {expected.Name}:\n  " + string.Join("\n  ", differences));
        try
        {
            network.load(reader, strict: true);
        }
        catch (Exception e) when (e is not ModelFileException)
        {
            throw new ModelFileException($"Model file {path} has a matching spec but its weights cannot be read: {e.Message}", e);
        }
        return header;
    }

    /// <summary>Every difference between two specs, as "path: file has X, model declares Y".</summary>
    public static IReadOnlyList<string> Differences(ModelSpec saved, ModelSpec declared)
    {
        var left = JsonSerializer.SerializeToNode(saved with { Name = "" }, Json)!;
        var right = JsonSerializer.SerializeToNode(declared with { Name = "" }, Json)!;
        var differences = new List<string>();
        Compare(left, right, "spec", differences);
        return differences;
    }

    private static void Compare(JsonNode? saved, JsonNode? declared, string path, List<string> differences)
    {
        if (saved is JsonObject a && declared is JsonObject b)
        {
            foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key)))
                Compare(a[key], b[key], $"{path}.{key}", differences);
        }
        else if (saved is JsonArray x && declared is JsonArray y && x.Count == y.Count && x.All(n => n is JsonObject))
        {
            for (int i = 0; i < x.Count; i++) Compare(x[i], y[i], $"{path}[{i}]", differences);
        }
        else if (!JsonNode.DeepEquals(saved, declared))
        {
            differences.Add($"{path}: the file has {Show(saved)}, this model declares {Show(declared)}");
        }
    }

    private static string Show(JsonNode? node) => node?.ToJsonString() ?? "nothing";

    private static FileStream OpenChecked(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Model file not found: {Path.GetFullPath(path)}", path);
        return File.OpenRead(path);
    }

    private static Header ReadHeader(BinaryReader reader, string path)
    {
        var header = ReadHeader<Header>(reader, path, Magic, "an ImageDsl model file");
        if (header.FormatVersion == 1)
            throw new ModelFileException(
                $"{path} was saved by an earlier ImageDsl (model file format 1, before target statistics and the new target kinds); this ImageDsl reads format {FormatVersion}. Train the model again and save it.");
        if (header.FormatVersion != FormatVersion)
            throw new ModelFileException($"{path} uses model file format {header.FormatVersion}; this ImageDsl reads format {FormatVersion}.");
        return header;
    }

    internal static T ReadHeader<T>(BinaryReader reader, string path, byte[] magic, string what)
    {
        var found = reader.ReadBytes(magic.Length);
        if (!found.AsSpan().SequenceEqual(magic)) throw new ModelFileException($"{path} is not {what} (wrong header).");
        int length = reader.ReadInt32();
        if (length <= 0 || length > 64 << 20) throw new ModelFileException($"{path} is damaged: its header claims {length} bytes.");
        var bytes = reader.ReadBytes(length);
        if (bytes.Length != length) throw new ModelFileException($"{path} is truncated.");
        try
        {
            return JsonSerializer.Deserialize<T>(bytes, Json) ?? throw new ModelFileException($"{path} has an empty header.");
        }
        catch (JsonException e)
        {
            throw new ModelFileException($"{path} is damaged: its header is not valid JSON ({e.Message}).", e);
        }
    }
}

/// <summary>A model file cannot be used: wrong spec, wrong format, or damaged.</summary>
public sealed class ModelFileException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelFileException(string message, Exception? inner = null) : base(message, inner) { }
}
