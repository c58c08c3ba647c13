using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ImageDsl.Modeling;

/// <summary>
/// The layout model files and checkpoints share: a magic, a 4-byte header length, a JSON
/// header, a binary body, and (in the sealed formats) a SHA-256 trailer over everything before
/// it. The trailer is checked before anything is parsed, so a flipped byte or a cut file is
/// refused as damaged instead of loading weights that predict something else. Files of the
/// older, unsealed layout carry their own magic and are read without a check.
/// </summary>
internal static class SealedFile
{
    public const int ChecksumLength = 32;
    private const int MaxHeaderBytes = 64 << 20;

    /// <summary>What one file's bytes hold once the layout has been checked.</summary>
    /// <param name="Header">The parsed JSON header.</param>
    /// <param name="Body">The body (the weights and what follows), without the trailer.</param>
    /// <param name="Sealed">True when the file had a checksum and it matched.</param>
    public sealed record Contents<T>(T Header, MemoryStream Body, bool Sealed);

    /// <summary>Writes magic, header, body and checksum to <paramref name="path"/> atomically.</summary>
    public static void Write<T>(string path, byte[] magic, T header, Action<BinaryWriter> body) =>
        AtomicFile.Write(path, stream =>
        {
            using var hashing = new HashingStream(stream);
            using (var writer = new BinaryWriter(hashing, Encoding.UTF8, leaveOpen: true))
            {
                WriteHeader(writer, header, magic);
                body(writer);
            }
            stream.Write(hashing.Finish());
        });

    internal static void WriteHeader<T>(BinaryWriter writer, T header, byte[] magic)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(header, ModelFile.Json);
        writer.Write(magic);
        writer.Write(json.Length);
        writer.Write(json);
    }

    /// <summary>
    /// Reads <paramref name="path"/>: <paramref name="sealedMagic"/> files must end in a matching
    /// checksum; <paramref name="legacyMagic"/> files (the format before checksums) are read as
    /// they are. Every way the bytes can be wrong gives a <see cref="ModelFileException"/> naming
    /// the file and the part.
    /// </summary>
    public static Contents<T> Read<T>(string path, string what, byte[] sealedMagic, byte[] legacyMagic) where T : class
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{Capitalized(what)} not found: {Path.GetFullPath(path)}", path);
        var bytes = File.ReadAllBytes(path);
        bool isSealed = StartsWith(bytes, sealedMagic);
        if (!isSealed && !StartsWith(bytes, legacyMagic))
        {
            if (bytes.Length < sealedMagic.Length && (StartsWith(sealedMagic, bytes) || StartsWith(legacyMagic, bytes)))
                throw new ModelFileException($"{path} is truncated: it ends after {bytes.Length} bytes, inside its magic.", path, "magic");
            throw new ModelFileException($"{path} is not {what} (wrong header).", path, "magic");
        }
        int end = bytes.Length;
        if (isSealed)
        {
            if (bytes.Length < sealedMagic.Length + sizeof(int) + ChecksumLength)
                throw new ModelFileException($"{path} is truncated: {bytes.Length} bytes, too short for a header and its checksum.", path, "checksum");
            end = bytes.Length - ChecksumLength;
            var expected = SHA256.HashData(bytes.AsSpan(0, end));
            if (!expected.AsSpan().SequenceEqual(bytes.AsSpan(end)))
                throw new ModelFileException(
                    $"{path} is damaged: its SHA-256 checksum does not match its contents (changed or cut short after it was written).", path, "checksum");
        }
        int offset = sealedMagic.Length;
        if (end - offset < sizeof(int))
            throw new ModelFileException($"{path} is truncated: it ends inside its 4-byte header length.", path, "header length");
        int length = BitConverter.ToInt32(bytes, offset);
        offset += sizeof(int);
        if (length <= 0 || length > MaxHeaderBytes)
            throw new ModelFileException($"{path} is damaged: its header length is {length} bytes.", path, "header length");
        if (length > end - offset)
            throw new ModelFileException($"{path} is truncated: its header claims {length} bytes and {end - offset} follow.", path, "header length");
        T? header;
        try
        {
            header = JsonSerializer.Deserialize<T>(bytes.AsSpan(offset, length), ModelFile.Json);
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) ? "header" : e.Path.TrimStart('$', '.');
            throw new ModelFileException($"{path} is damaged: its header is not valid at '{field}' ({e.Message}).", path, field, e);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw new ModelFileException($"{path} is damaged: its header cannot be read ({e.Message}).", path, "header", e);
        }
        if (header is null) throw new ModelFileException($"{path} has an empty header (null).", path, "header");
        offset += length;
        return new Contents<T>(header, new MemoryStream(bytes, offset, end - offset, writable: false), isSealed);
    }

    private static bool StartsWith(byte[] bytes, byte[] prefix) => bytes.Length >= prefix.Length && bytes.AsSpan(0, prefix.Length).SequenceEqual(prefix);

    private static string Capitalized(string what) => what.StartsWith("an ", StringComparison.Ordinal) ? "An" + what[2..] : what;

    /// <summary>A write-only pass-through that hashes what goes through it.</summary>
    private sealed class HashingStream(Stream inner) : Stream
    {
        private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public byte[] Finish() => hash.GetHashAndReset();
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            hash.AppendData(buffer);
            inner.Write(buffer);
        }

        public override void WriteByte(byte value) => Write([value]);

        protected override void Dispose(bool disposing)
        {
            if (disposing) hash.Dispose();
            base.Dispose(disposing);
        }
    }
}
