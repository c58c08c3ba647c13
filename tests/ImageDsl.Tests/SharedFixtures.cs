namespace ImageDsl.Tests;

/// <summary>
/// Finds the optional <c>../shared</c> folder that sits beside the repository on developer
/// machines and CI (datasets, reference fixtures). A fresh clone has no such folder, and
/// its tests must still pass: tests that need it use <see cref="RequiresSharedFactAttribute"/>
/// or <see cref="RequiresSharedTheoryAttribute"/>, which report them as skipped, with the
/// path looked at, instead of failing or silently passing.
/// </summary>
public static class SharedFiles
{
    private const string SolutionFile = "ImageDsl.sln";

    private static readonly Lazy<string?> RepositoryRootPath = new(FindRepositoryRoot);

    /// <summary>The directory holding <c>ImageDsl.sln</c>, found by walking up from the test binaries; null if none.</summary>
    public static string? RepositoryRoot => RepositoryRootPath.Value;

    /// <summary>Where <c>../shared</c> is expected: beside the repository root; null if the root is unknown.</summary>
    public static string? ExpectedRoot =>
        RepositoryRoot is { } root ? Path.GetFullPath(Path.Combine(root, "..", "shared")) : null;

    /// <summary>Full path of <c>../shared</c> when it exists, else null.</summary>
    public static string? Root => ExpectedRoot is { } shared && Directory.Exists(shared) ? shared : null;

    /// <summary>Full path of a file or directory under <c>../shared</c> (e.g. <c>fixtures/metrics-sklearn.json</c>) when it exists, else null.</summary>
    public static string? Find(string relativePath)
    {
        if (Root is not { } root)
        {
            return null;
        }

        var path = Path.GetFullPath(Path.Combine(root, relativePath));
        return File.Exists(path) || Directory.Exists(path) ? path : null;
    }

    /// <summary>Why a test needing <paramref name="relativePaths"/> cannot run here, or null when all exist.</summary>
    public static string? SkipReason(IEnumerable<string> relativePaths)
    {
        var missing = relativePaths.Where(p => Find(p) is null).ToArray();
        if (missing.Length == 0)
        {
            return null;
        }

        var where = ExpectedRoot is { } shared
            ? $"under {shared}"
            : $"because no {SolutionFile} was found above {AppContext.BaseDirectory}";
        return $"../shared/{string.Join(", ../shared/", missing)} not found {where}; this comparison did not run";
    }

    private static string? FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}

/// <summary>A <see cref="FactAttribute"/> that skips, saying why, when a file under <c>../shared</c> is missing.</summary>
public sealed class RequiresSharedFactAttribute : FactAttribute
{
    /// <param name="relativePaths">Paths under <c>../shared</c> the test reads.</param>
    public RequiresSharedFactAttribute(params string[] relativePaths)
    {
        if (SharedFiles.SkipReason(relativePaths) is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>
/// A <see cref="TheoryAttribute"/> that skips, saying why, when a file under <c>../shared</c>
/// is missing. xunit then reports one skipped test and does not enumerate the data, so
/// member data may read the file unconditionally.
/// </summary>
public sealed class RequiresSharedTheoryAttribute : TheoryAttribute
{
    /// <param name="relativePaths">Paths under <c>../shared</c> the test reads.</param>
    public RequiresSharedTheoryAttribute(params string[] relativePaths)
    {
        if (SharedFiles.SkipReason(relativePaths) is { } reason)
        {
            Skip = reason;
        }
    }
}
