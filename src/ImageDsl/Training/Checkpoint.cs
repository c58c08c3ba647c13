using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ImageDsl.Data;
using ImageDsl.Modeling;
using ImageDsl.Specs;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ImageDsl.Training;

/// <summary>
/// Everything needed to continue a training run exactly: weights, optimizer state, the
/// position in the schedule, both random generators, early-stopping state and the history.
/// Written atomically after every epoch (see <see cref="AtomicFile"/>).
/// </summary>
public static class Checkpoint
{
    /// <summary>Format 2 on: the file ends in a SHA-256 checksum (see docs/model-files.md).</summary>
    private static readonly byte[] Magic = "IMGCKPT\u0002"u8.ToArray();
    /// <summary>Format 1, without a checksum: still resumed, unchecked.</summary>
    private static readonly byte[] LegacyMagic = "IMGCKPT\u0001"u8.ToArray();
    internal const int FormatVersion = 2;
    private const int LegacyFormatVersion = 1;

    /// <summary>The JSON part of a checkpoint.</summary>
    /// <param name="FormatVersion">Version of this file layout.</param>
    /// <param name="SpecHash">SHA-256 of the spec; a checkpoint only resumes the model it was made for.</param>
    /// <param name="Spec">The spec, for messages.</param>
    /// <param name="Normalization">Pixel normalization in use.</param>
    /// <param name="EpochsCompleted">Epochs finished when it was written.</param>
    /// <param name="Step">Optimizer steps taken (the schedule's position).</param>
    /// <param name="Epochs">The planned number of epochs.</param>
    /// <param name="BatchSize">The batch size, which must not change on resume.</param>
    /// <param name="BestScore">Best monitored validation value so far.</param>
    /// <param name="BestEpoch">The epoch it was reached in.</param>
    /// <param name="History">Completed epochs.</param>
    public sealed record State(int FormatVersion, string SpecHash, ModelSpec Spec, Normalization Normalization, int EpochsCompleted, long Step,
        int Epochs, int BatchSize, double? BestScore, int BestEpoch, IReadOnlyList<EpochSummary> History);

    /// <summary>A stable fingerprint of a spec.</summary>
    public static string HashOf(ModelSpec spec) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(spec with { Name = "" }, ModelFile.Json)));

    internal static void Write(string path, State state, nn.Module network, OptimizerHelper optimizer, Generator shuffling, byte[]? bestWeights)
    {
        using var globalRng = random.get_rng_state();
        using var shuffleRng = shuffling.get_state();
        SealedFile.Write(path, Magic, state, writer =>
        {
            network.save(writer);
            optimizer.save_state_dict(writer);
            // cpu() returns a new tensor even for one already on the CPU; the scope disposes it.
            using (NewDisposeScope())
            {
                WriteBytes(writer, globalRng.cpu().data<byte>().ToArray());
                WriteBytes(writer, shuffleRng.cpu().data<byte>().ToArray());
            }
            WriteBytes(writer, bestWeights ?? []);
        });
    }

    /// <summary>Reads only the JSON part: what a checkpoint is for and how far it got.</summary>
    public static State ReadState(string path)
    {
        var contents = Open(path);
        contents.Body.Dispose();
        return contents.Header;
    }

    internal static State Restore(string path, ModelSpec spec, nn.Module network, OptimizerHelper optimizer, Generator shuffling, out byte[]? bestWeights)
    {
        AtomicFile.RemoveStaleTemporaries(path);
        var (state, body, _) = Open(path);
        using var reader = new BinaryReader(body);
        if (state.SpecHash != HashOf(spec))
            throw new ModelFileException($"Checkpoint {path} was written for spec {state.Spec.Name}, which differs from {spec.Name}:\n  " +
                                         string.Join("\n  ", ModelFile.Differences(state.Spec, spec)), path, "spec");
        try
        {
            network.load(reader, strict: true);
            optimizer.load_state_dict(reader);
            // Both generators are the CPU's (see Draws), whatever device trained, so their states load on any machine.
            using (var globalRng = tensor(ReadBytes(reader), ScalarType.Byte, device: CPU)) random.set_rng_state(globalRng);
            using (var shuffleRng = tensor(ReadBytes(reader), ScalarType.Byte, device: CPU)) shuffling.set_state(shuffleRng);
            var best = ReadBytes(reader);
            bestWeights = best.Length == 0 ? null : best;
        }
        catch (Exception e) when (e is not ModelFileException)
        {
            throw new ModelFileException($"Checkpoint {path} is damaged: {e.Message}", path, "weights", e);
        }
        return state;
    }

    /// <summary>True if <paramref name="path"/> starts like a checkpoint (of any format) rather than a model file.</summary>
    internal static bool IsCheckpoint(string path)
    {
        if (!File.Exists(path)) return false;
        Span<byte> head = stackalloc byte[Magic.Length];
        using var stream = File.OpenRead(path);
        int read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return read == head.Length && (head.SequenceEqual(Magic) || head.SequenceEqual(LegacyMagic));
    }

    /// <summary>Loads only the weights of a checkpoint into <paramref name="network"/>: what <c>Continue</c> starts from.</summary>
    internal static State RestoreWeights(string path, ModelSpec spec, nn.Module network)
    {
        var (state, body, _) = Open(path);
        using var reader = new BinaryReader(body);
        if (state.SpecHash != HashOf(spec))
            throw new ModelFileException($"Checkpoint {path} was written for spec {state.Spec.Name}, which differs from {spec.Name}:\n  " +
                                         string.Join("\n  ", ModelFile.Differences(state.Spec, spec)), path, "spec");
        try
        {
            network.load(reader, strict: true);
        }
        catch (Exception e) when (e is not ModelFileException)
        {
            throw new ModelFileException($"Checkpoint {path} is damaged: {e.Message}", path, "weights", e);
        }
        return state;
    }

    private static SealedFile.Contents<State> Open(string path)
    {
        var contents = SealedFile.Read<State>(path, "an ImageDsl checkpoint", Magic, LegacyMagic);
        var state = contents.Header;
        int expected = contents.Sealed ? FormatVersion : LegacyFormatVersion;
        if (state.FormatVersion != expected)
            throw new ModelFileException(
                $"{path} is damaged or too new: its header field formatVersion says checkpoint format {state.FormatVersion}, its layout is format {expected}'s; this ImageDsl reads formats {LegacyFormatVersion} and {FormatVersion}.", path, "formatVersion");
        if (string.IsNullOrEmpty(state.SpecHash)) throw new ModelFileException($"{path} is damaged: its header has no specHash.", path, "specHash");
        HeaderChecks.Spec(path, state.Spec);
        HeaderChecks.Normalization(path, state.Normalization, state.Spec.Input.Channels);
        if (state.History is null) throw new ModelFileException($"{path} is damaged: its header has no history.", path, "history");
        if (state.Epochs <= 0 || state.BatchSize <= 0 || state.EpochsCompleted < 0 || state.EpochsCompleted > state.Epochs || state.Step < 0)
            throw new ModelFileException(
                $"{path} is damaged: its header has epochs {state.Epochs}, batchSize {state.BatchSize}, epochsCompleted {state.EpochsCompleted}, step {state.Step}.", path, "epochs");
        return contents;
    }

    private static void WriteBytes(BinaryWriter writer, byte[] bytes)
    {
        writer.Write(bytes.Length);
        writer.Write(bytes);
    }

    private static byte[] ReadBytes(BinaryReader reader)
    {
        int length = reader.ReadInt32();
        if (length < 0 || length > 1 << 30) throw new InvalidOperationException($"a block claims {length} bytes");
        var bytes = reader.ReadBytes(length);
        if (bytes.Length != length) throw new EndOfStreamException("the file ends early");
        return bytes;
    }
}
