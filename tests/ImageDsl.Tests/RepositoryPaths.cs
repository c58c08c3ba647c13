namespace ImageDsl.Tests;

/// <summary>Locates files of this repository from the test's output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The small sample shipped with the repository (see examples/data/README.md).</summary>
    public static string BundledData(params string[] parts) => Path.Combine([Root, "examples", "data", .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ImageDsl.sln"))) return dir.FullName;
        throw new InvalidOperationException($"ImageDsl.sln not found above {AppContext.BaseDirectory}");
    }
}

/// <summary>A temporary folder deleted when the test ends.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "imagedsl-tests", Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } // best effort on a shared temp folder
    }
}
