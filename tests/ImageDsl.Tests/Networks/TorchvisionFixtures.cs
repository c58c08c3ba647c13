using System.Diagnostics;
using System.Text.Json;
using static TorchSharp.torch;

namespace ImageDsl.Tests.Networks;

/// <summary>
/// One torchvision parity fixture: a state_dict written by <c>torch.save</c>, an input and the
/// logits torchvision computed for it in eval mode, described by its <c>.json</c>.
/// </summary>
/// <param name="Name">The file stem, e.g. <c>resnet50-seed0</c>.</param>
internal sealed record TorchvisionFixture(string Name, string Weights, string Input, long[] InputShape, string Logits, long[] LogitsShape, string WeightsType, int Keys)
{
    /// <summary>Classes of the fixture's classifier (its logits' width).</summary>
    public int Classes => (int)LogitsShape[1];

    public Tensor ReadInput() => ReadFloats(Input, InputShape);

    public Tensor ReadLogits() => ReadFloats(Logits, LogitsShape);

    private static Tensor ReadFloats(string path, long[] shape)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(shape.Aggregate(4L, (a, b) => a * b), bytes.Length);
        var values = new float[bytes.Length / 4];
        for (int i = 0; i < values.Length; i++) values[i] = BitConverter.ToSingle(bytes, i * 4); // little-endian, as is this machine
        return tensor(values, shape);
    }

    public override string ToString() => Name;
}

/// <summary>
/// Finds torchvision parity fixtures: every <c>ARCH-seedN.json</c> in <c>../shared/fixtures/torchvision</c>
/// and in the git-ignored <c>artifacts/fixtures/torchvision</c>, which
/// <c>tests/fixtures/torchvision_fixture.py</c> writes. The tests check all they find, so fixtures made
/// with other seeds are checked without naming them. Where none exists for an architecture and
/// Debian's python3-torchvision is installed, <see cref="For"/> makes one with the script.
/// </summary>
internal static class TorchvisionFixtures
{
    private const string Python = "/usr/bin/python3";
    private const string TorchvisionPackage = "/usr/lib/python3/dist-packages/torchvision";

    /// <summary>Where the script writes fixtures (git-ignored under <c>artifacts/</c>).</summary>
    public static string? LocalFolder => SharedFiles.RepositoryRoot is { } root ? Path.Combine(root, "artifacts", "fixtures", "torchvision") : null;

    private static string? Script => SharedFiles.RepositoryRoot is { } root ? Path.Combine(root, "tests", "fixtures", "torchvision_fixture.py") : null;

    /// <summary>Whether a missing fixture can be made here: the script, Python and torchvision are present.</summary>
    public static bool CanGenerate => File.Exists(Python) && Directory.Exists(TorchvisionPackage) && Script is { } script && File.Exists(script);

    /// <summary>Why a test of <paramref name="architecture"/> cannot run here, or null when it can.</summary>
    public static string? SkipReason(string architecture, bool generate)
    {
        if (Find(architecture).Count > 0 || (generate && CanGenerate)) return null;
        return $"no {architecture}-seed*.json under ../shared/fixtures/torchvision or {LocalFolder ?? "artifacts/fixtures/torchvision"}" +
            (generate ? $", and {Python} with torchvision (apt-get install python3-torchvision) is not there to make one" : "") +
            "; this comparison did not run";
    }

    /// <summary>
    /// Every fixture of <paramref name="architecture"/> (torchvision's builder name, e.g. <c>resnet50</c>);
    /// when there is none and <paramref name="generate"/> is set, one is made first (seed 0).
    /// </summary>
    public static IReadOnlyList<TorchvisionFixture> For(string architecture, bool generate = false)
    {
        var found = Find(architecture);
        if (found.Count > 0 || !generate || !CanGenerate) return found;
        Generate(architecture, seed: 0);
        return Find(architecture);
    }

    private static List<TorchvisionFixture> Find(string architecture)
    {
        var folders = new[] { SharedFiles.Find("fixtures/torchvision"), LocalFolder }.OfType<string>().Where(Directory.Exists);
        return folders
            .SelectMany(folder => Directory.EnumerateFiles(folder, $"{architecture}-seed*.json"))
            .Order(StringComparer.Ordinal)
            .Select(Read)
            .ToList();
    }

    private static TorchvisionFixture Read(string json)
    {
        var folder = Path.GetDirectoryName(json)!;
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        var root = document.RootElement;
        static long[] Shape(JsonElement e) => e.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray();
        var input = root.GetProperty("input");
        var logits = root.GetProperty("logits");
        return new TorchvisionFixture(
            Path.GetFileNameWithoutExtension(json),
            Path.Combine(folder, root.GetProperty("weights").GetString()!),
            Path.Combine(folder, input.GetProperty("file").GetString()!), Shape(input),
            Path.Combine(folder, logits.GetProperty("file").GetString()!), Shape(logits),
            root.TryGetProperty("weights_dtype", out var type) ? type.GetString()! : "float32",
            root.GetProperty("state_dict_keys").GetInt32());
    }

    private static void Generate(string architecture, int seed)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { Script!, architecture, "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", LocalFolder! })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5))) process.Kill();
        Assert.True(process.ExitCode == 0, $"{Script} {architecture} failed: {errors.Result}");
    }
}

/// <summary>A <see cref="FactAttribute"/> that skips, saying why, when no fixture of the architecture is found (or can be made, with <c>generate</c>).</summary>
public sealed class RequiresTorchvisionFixtureFactAttribute : FactAttribute
{
    /// <param name="architecture">torchvision's builder name, e.g. <c>mobilenet_v3_small</c>.</param>
    /// <param name="generate">Whether the test makes a fixture when none exists and torchvision is installed.</param>
    public RequiresTorchvisionFixtureFactAttribute(string architecture, bool generate = false)
    {
        if (TorchvisionFixtures.SkipReason(architecture, generate) is { } reason) Skip = reason;
    }
}
