namespace ImageDsl.Reports;

/// <summary>
/// Image paths as a report writes them: relative to the report folder while
/// <see cref="ReportWriter"/> writes one (so a report folder can be moved with its dataset beside
/// it, or read on another machine), unchanged otherwise.
/// </summary>
/// <remarks>
/// The folder is ambient (an <see cref="AsyncLocal{T}"/> set for the duration of one write) rather
/// than a parameter of every kind's writers: each kind writes image paths in its JSON, Markdown and
/// CSV, and they all ask here.
/// </remarks>
internal static class ReportPaths
{
    private static readonly AsyncLocal<string?> Folder = new();

    /// <summary>Makes <see cref="Image"/> relative to <paramref name="folder"/> until the returned scope is disposed.</summary>
    public static IDisposable RelativeTo(string folder)
    {
        var previous = Folder.Value;
        Folder.Value = Path.GetFullPath(folder);
        return new Restore(previous);
    }

    /// <summary>The folder paths are made relative to, or null.</summary>
    public static string? Current => Folder.Value;

    /// <summary><paramref name="path"/> relative to the report folder, with forward slashes; unchanged when no report is being written or it is on another drive.</summary>
    public static string Image(string path)
    {
        if (Folder.Value is not { } folder) return path;
        var relative = Path.GetRelativePath(folder, Path.GetFullPath(path));
        return Path.IsPathRooted(relative) ? path : relative.Replace('\\', '/');
    }

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => Folder.Value = previous;
    }
}
