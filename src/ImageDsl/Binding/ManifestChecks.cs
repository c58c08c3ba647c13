using System.Text;
using ImageDsl.Data;
using ImageDsl.Images;

namespace ImageDsl.Binding;

/// <summary>
/// The checks that keep a CSV manifest from saying something other than what it seems to: the
/// separator, duplicated or competing columns, image paths that leave the dataset folder, file
/// names in another Unicode normalization than the disk's, the same image listed with different
/// labels, and files that are no image. Each problem names the manifest's line.
/// </summary>
internal static class ManifestChecks
{
    private static readonly char[] OtherSeparators = [';', '\t'];

    /// <summary>
    /// The separator of a manifest whose header line is <paramref name="headerLine"/>: a comma,
    /// unless the line has no comma and does have semicolons or tabs.
    /// </summary>
    public static char Separator(string headerLine)
    {
        if (headerLine.Contains(',')) return ',';
        var counts = OtherSeparators.Select(s => (Separator: s, Count: headerLine.Count(c => c == s))).MaxBy(p => p.Count);
        return counts.Count > 0 ? counts.Separator : ',';
    }

    /// <summary>What a separator is called in messages.</summary>
    public static string Describe(char separator) => separator switch { ',' => "commas", ';' => "semicolons", '\t' => "tabs", _ => $"'{separator}'" };

    /// <summary>Columns the reader uses that the header names more than once, and more than one image column.</summary>
    public static void Columns(string manifest, string[] header, IReadOnlyList<string> fileColumns, IReadOnlyList<string> bindingColumns, List<DataProblem> problems)
    {
        foreach (var name in bindingColumns.Concat(fileColumns))
        {
            var positions = Positions(header, name);
            if (positions.Count > 1)
                problems.Add(new DataProblem(manifest, 1, name, $"the header names column '{header[positions[0] - 1]}' {positions.Count} times (columns {string.Join(", ", positions)}); keep one"));
        }
        var images = fileColumns.Where(f => Positions(header, f).Count > 0).ToArray();
        if (images.Length > 1)
            problems.Add(new DataProblem(manifest, 1, images[0],
                $"the header has {images.Length} image columns ({string.Join(", ", images.Select(f => $"'{f}' (column {Positions(header, f)[0]})"))}); keep one"));
    }

    private static List<int> Positions(string[] header, string name) =>
        header.Select((h, i) => (h, i)).Where(p => string.Equals(p.h, name, StringComparison.OrdinalIgnoreCase)).Select(p => p.i + 1).ToList();

    /// <summary>
    /// The existing file <paramref name="file"/> names under one of <paramref name="roots"/>, trying
    /// its NFC and NFD forms too (macOS writes NFD names, most editors NFC); null if none exists.
    /// </summary>
    public static string? Find(string file, IReadOnlyList<string> roots)
    {
        var forms = new[] { file, file.Normalize(NormalizationForm.FormC), file.Normalize(NormalizationForm.FormD) }.Distinct().ToArray();
        if (Path.IsPathRooted(file)) return forms.FirstOrDefault(File.Exists);
        foreach (var root in roots)
            foreach (var form in forms)
            {
                var candidate = Path.Combine(root, form);
                if (File.Exists(candidate)) return candidate;
            }
        return null;
    }

    /// <summary>True if <paramref name="path"/> lies inside <paramref name="folder"/> once <c>..</c> and the like are resolved.</summary>
    public static bool IsInside(string path, string folder)
    {
        var full = Path.GetFullPath(path);
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
        return full.StartsWith(root, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }

    /// <summary>Null if the file starts like an image ImageDsl decodes, else why not.</summary>
    public static string? NotAnImage(string path)
    {
        Span<byte> head = stackalloc byte[12];
        int read;
        try
        {
            using var stream = File.OpenRead(path);
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot be read ({e.Message})";
        }
        if (read == 0) return "is empty";
        head = head[..read];
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G'])
            || head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])
            || head.StartsWith("BM"u8)
            || head.StartsWith("GIF8"u8)
            || (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)))
            return null;
        return $"is not an image: it starts with no PNG, JPEG, BMP, GIF or WebP signature (supported: {string.Join(", ", ImageLoader.SupportedExtensions)})";
    }
}
