using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ImageDsl.Data;
using ImageDsl.Specs;
using static TorchSharp.torch;

namespace ImageDsl.Modeling;

/// <summary>
/// The model file: a magic, a JSON header (the spec, the normalization and what wrote it),
/// TorchSharp's weights, then a SHA-256 checksum over all of that (format 3; see
/// docs/model-files.md). Written to a temporary file and renamed into place, so a crash
/// mid-save leaves the previous file intact; the next save of the same file removes the
/// temporaries such a crash leaves.
/// </summary>
public static class ModelFile
{
    /// <summary>Format 3 on: the file ends in a checksum.</summary>
    private static readonly byte[] Magic = "IMGDSL\0\u0003"u8.ToArray();
    /// <summary>Formats 1 and 2, which have no checksum.</summary>
    private static readonly byte[] LegacyMagic = "IMGDSL\0\u0001"u8.ToArray();
    /// <summary>
    /// Version 3 added the checksum; version 2 added target statistics to the header and the new
    /// target kinds to the spec. Version 2 files still load (without a check); version 1 files are
    /// refused with a message saying so.
    /// </summary>
    private const int FormatVersion = 3;
    private const int LegacyFormatVersion = 2;

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
        SealedFile.Write(path, Magic, new Header(FormatVersion, spec, normalization, DateTime.UtcNow, statistics, calibration is { IsEmpty: false } ? calibration : null),
            writer => network.save(writer));

    /// <summary>Reads only the JSON header: what a model file is for, without loading weights. The checksum is verified.</summary>
    public static Header ReadHeader(string path)
    {
        var contents = Open(path);
        contents.Body.Dispose();
        return contents.Header;
    }

    /// <summary>
    /// Loads weights saved for <paramref name="expected"/> into <paramref name="network"/>. A file
    /// saved for a different spec is refused with a message listing what differs.
    /// </summary>
    public static Header Read(string path, ModelSpec expected, nn.Module network)
    {
        var (header, body, _) = Open(path);
        using var reader = new BinaryReader(body);
        var differences = Differences(header.Spec, expected);
        if (differences.Count > 0)
            throw new ModelFileException(
                $"Model file {path} was saved for spec {header.Spec.Name}, which differs from {expected.Name}:\n  " + string.Join("\n  ", differences), path, "spec");
        HeaderChecks.Statistics(path, header, expected);
        HeaderChecks.Calibration(path, header);
        try
        {
            network.load(reader, strict: true);
        }
        catch (Exception e) when (e is not ModelFileException)
        {
            throw new ModelFileException($"Model file {path} has a matching spec but its weights cannot be read: {e.Message}", path, "weights", e);
        }
        return header;
    }

    private static SealedFile.Contents<Header> Open(string path)
    {
        var contents = SealedFile.Read<Header>(path, "an ImageDsl model file", Magic, LegacyMagic);
        var header = contents.Header;
        if (header.FormatVersion == 1)
            throw new ModelFileException(
                $"{path} was saved by an earlier ImageDsl (model file format 1, before target statistics and the new target kinds; header field formatVersion); this ImageDsl reads formats {LegacyFormatVersion} and {FormatVersion}. Train the model again and save it.", path, "formatVersion");
        int expected = contents.Sealed ? FormatVersion : LegacyFormatVersion;
        if (header.FormatVersion != expected)
            throw new ModelFileException(
                $"{path} is damaged or too new: its header field formatVersion says model file format {header.FormatVersion}, its layout is format {expected}'s; this ImageDsl reads formats {LegacyFormatVersion} and {FormatVersion}.", path, "formatVersion");
        HeaderChecks.Spec(path, header.Spec);
        HeaderChecks.Normalization(path, header.Normalization, header.Spec.Input.Channels);
        return contents;
    }

    /// <summary>
    /// Every difference between two specs, as "path: the file has X, this model declares Y": field
    /// by field, with targets matched by name so that one added or removed target is one line.
    /// </summary>
    public static IReadOnlyList<string> Differences(ModelSpec saved, ModelSpec declared) => SpecDifferences.Between(saved, declared);
}

/// <summary>A model file cannot be used: wrong spec, wrong format, or damaged.</summary>
public sealed class ModelFileException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelFileException(string message, Exception? inner = null) : base(message, inner) { }

    /// <summary>Creates the exception for <paramref name="filePath"/>'s <paramref name="field"/>.</summary>
    public ModelFileException(string message, string filePath, string field, Exception? inner = null) : base(message, inner)
    {
        FilePath = filePath;
        Field = field;
    }

    /// <summary>The file that cannot be used, when the problem is in one.</summary>
    public string? FilePath { get; }

    /// <summary>
    /// The part of the file at fault: a header field (<c>spec.input</c>, <c>normalization.std</c>),
    /// or <c>magic</c>, <c>header length</c>, <c>checksum</c> or <c>weights</c>.
    /// </summary>
    public string? Field { get; }
}
