using System.Globalization;

namespace ImageDsl.Tests.Packaging;

/// <summary>
/// Packs <c>src/ImageDsl</c> and <c>src/ImageDsl.AspNetCore</c> once for the packaging tests into a
/// local feed outside the repository, under a version no earlier run used: NuGet's global cache
/// keeps every <c>ImageDsl 0.1.0</c> it extracts, so a fixed version would hand later runs a stale package.
/// </summary>
public sealed class PackedPackage : IDisposable
{
    private readonly TemporaryDirectory root = new();

    /// <summary>Packs both packages; takes 10–90 s depending on what Release already built.</summary>
    public PackedPackage()
    {
        Version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "." + Environment.ProcessId;
        Feed = Path.Combine(root.Path, "feed");
        Directory.CreateDirectory(Feed);
        // --no-restore: the test build restored the repository already, and a restore here
        // would rewrite the repository's obj/ with this throwaway version.
        PackOutput = DotnetCli.Run(RepositoryPaths.Root, TimeSpan.FromMinutes(5),
            "pack", Path.Combine("src", "ImageDsl", "ImageDsl.csproj"), "--no-restore", "-c", "Release",
            "-o", Feed, "-p:Version=" + Version);
        PackagePath = Path.Combine(Feed, $"ImageDsl.{Version}.nupkg");
        // The same global -p:Version reaches the ProjectReference, so the dependency on ImageDsl
        // names this very version; ImageDsl is up to date from the pack above and not rebuilt.
        AspNetCorePackOutput = DotnetCli.Run(RepositoryPaths.Root, TimeSpan.FromMinutes(5),
            "pack", Path.Combine("src", "ImageDsl.AspNetCore", "ImageDsl.AspNetCore.csproj"), "--no-restore", "-c", "Release",
            "-o", Feed, "-p:Version=" + Version);
        AspNetCorePackagePath = Path.Combine(Feed, $"ImageDsl.AspNetCore.{Version}.nupkg");
    }

    /// <summary>The unique version packed for this run.</summary>
    public string Version { get; }

    /// <summary>The local feed folder holding the package.</summary>
    public string Feed { get; }

    /// <summary>The .nupkg file.</summary>
    public string PackagePath { get; }

    /// <summary>What <c>dotnet pack</c> printed.</summary>
    public string PackOutput { get; }

    /// <summary>The ImageDsl.AspNetCore .nupkg file, beside <see cref="PackagePath"/>.</summary>
    public string AspNetCorePackagePath { get; }

    /// <summary>What <c>dotnet pack</c> printed for ImageDsl.AspNetCore.</summary>
    public string AspNetCorePackOutput { get; }

    /// <summary>A fresh folder for a consumer project, outside the repository.</summary>
    public string NewFolder(string name)
    {
        var path = Path.Combine(root.Path, name);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>
    /// A fresh project folder outside the repository that restores ImageDsl from the local feed:
    /// empty Directory.Build files stop MSBuild's search for the repository's above the temp
    /// folder, and a nuget.config adds the feed to the machine's own sources (the NuGet registry).
    /// </summary>
    public string NewProjectFolder(string name)
    {
        var folder = NewFolder(name);
        File.WriteAllText(Path.Combine(folder, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(folder, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="imagedsl-under-test" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        return folder;
    }

    /// <summary>Removes the feed and this run's copies of the packages from NuGet's global cache.</summary>
    public void Dispose()
    {
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "imagedsl", "imagedsl.aspnetcore" })
        {
            var extracted = Path.Combine(cache, id, Version);
            try { if (Directory.Exists(extracted)) Directory.Delete(extracted, recursive: true); }
            catch (IOException) { } // best effort: a leftover copy is harmless, its version is never reused
        }
        root.Dispose();
    }
}

/// <summary>Pack once for all packaging tests, and run them alone: they build whole projects on both cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PackagingCollection : ICollectionFixture<PackedPackage>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Packaging";
}
