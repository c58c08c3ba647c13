using System.Collections.Concurrent;
using System.Diagnostics;

namespace ImageDsl.Modeling;

/// <summary>
/// Writes a file so that readers only ever see the old or the new content: write a
/// temporary file beside it (<c>NAME.&lt;pid&gt;.&lt;guid&gt;.tmp</c>), flush it to disk, then
/// rename it over the target. A process killed at any moment leaves the previous file intact
/// and at worst a stray temporary, which the next write of the same file removes.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Temporaries this process is writing now: never stale, whatever another thread's write sees.</summary>
    private static readonly ConcurrentDictionary<string, byte> InProgress = new(StringComparer.Ordinal);

    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        RemoveStaleTemporaries(full);
        var temporary = $"{full}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        InProgress[temporary] = 0;
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
            InProgress.TryRemove(temporary, out _);
        }
    }

    /// <summary>
    /// Deletes the temporaries of <paramref name="path"/> that no running write owns: those of
    /// processes that are gone, and this process's own that no write of it is producing. Those of
    /// another live process are left alone, as it may be saving the same file right now.
    /// </summary>
    /// <returns>How many were removed.</returns>
    public static int RemoveStaleTemporaries(string path)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder)) return 0;
        var prefix = Path.GetFileName(full) + ".";
        int removed = 0;
        foreach (var candidate in Directory.EnumerateFiles(folder, prefix + "*.tmp"))
        {
            var middle = Path.GetFileName(candidate)[prefix.Length..^".tmp".Length].Split('.');
            if (middle.Length != 2 || !int.TryParse(middle[0], out int pid) || middle[1].Length != 32 || !Guid.TryParseExact(middle[1], "N", out _)) continue;
            if (InProgress.ContainsKey(candidate)) continue;
            if (pid != Environment.ProcessId && IsRunning(pid)) continue;
            try
            {
                File.Delete(candidate);
                removed++;
            }
            catch (IOException)
            {
                // Another process holds it after all; the next write tries again.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return removed;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
