using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace ImageDsl.Tests.Packaging;

/// <summary>
/// The package alone, in a stranger's project: a new console app outside the repository adds
/// ImageDsl from a local feed (TorchSharp-cpu and the rest come from NuGet as its dependencies),
/// declares a spec, builds with warnings as errors, nullable and XML docs on, then trains,
/// predicts, saves, reloads, exports ONNX and predicts with the generated OnnxPredictor, and
/// finally predicts from the ONNX file again with libtorch deleted. It passing means the
/// generator ran from analyzers/, the generated types compile and are documented, libtorch
/// loads from the build output (on Debian 12 only through the buildTransitive fix), and ONNX
/// Runtime came with the package. About a minute on two cores.
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed class ConsumerProjectTests(PackedPackage package, ITestOutputHelper log)
{
    private static readonly string Template = Path.Combine(RepositoryPaths.Root, "tests", "ImageDsl.Tests", "Packaging", "Consumer");

    [Fact]
    public void New_console_project_builds_trains_and_predicts_from_the_package_alone()
    {
        var app = package.NewProjectFolder("Consumer");
        File.Copy(Path.Combine(Template, "Consumer.csproj"), Path.Combine(app, "Consumer.csproj"));
        File.Copy(Path.Combine(Template, "Program.cs"), Path.Combine(app, "Program.cs"));
        var data = WriteSample(package.NewFolder("data"));

        var stopwatch = Stopwatch.StartNew();
        var build = DotnetCli.Run(app, TimeSpan.FromMinutes(8), "build", "-c", "Release", "-p:ImageDslVersion=" + package.Version);
        log.WriteLine($"restore + build: {stopwatch.Elapsed.TotalSeconds:F0} s\n{build}");
        // Warnings as errors covers the compiler; this also catches NuGet's and MSBuild's.
        Assert.DoesNotMatch(@": warning [A-Z]+[0-9]+", build);

        stopwatch.Restart();
        var assembly = Path.Combine(app, "bin", "Release", "net10.0", "Consumer.dll");
        var output = DotnetCli.Run(app, TimeSpan.FromMinutes(4), assembly, data);
        log.WriteLine($"train + predict: {stopwatch.Elapsed.TotalSeconds:F0} s\n{output}");

        Assert.Contains("trained: 2 epochs", output);
        var prediction = Printed(output, "prediction");
        Assert.InRange(prediction.Probability, 0.5, 1.0);
        Assert.InRange(prediction.Angle, -45, 45);
        // Saved and reloaded from the package's own file format: the very same numbers.
        Assert.Equal(prediction, Printed(output, "reloaded"));
        // Exported to ONNX and run by the generated OnnxPredictor: the same, to float differences.
        AssertClose(prediction, Printed(output, "onnx"));

        // The ONNX predictor needs no libtorch: remove it from the output and predict again.
        var removed = RemoveLibTorch(Path.GetDirectoryName(assembly)!);
        Assert.NotEmpty(removed);
        var onnxOnly = DotnetCli.Run(app, TimeSpan.FromMinutes(2), assembly, data, "onnx");
        log.WriteLine($"without {removed.Count} libtorch files:\n{onnxOnly}");
        AssertClose(prediction, Printed(onnxOnly, "onnx-only"));
    }

    private static (string Digit, double Probability, double Angle) Printed(string output, string what)
    {
        var match = Regex.Match(output, $@"(?m)^{Regex.Escape(what)}: (Zero|One) ([0-9.]+) (-?[0-9.]+)\s*$");
        Assert.True(match.Success, $"no '{what}:' line in:\n{output}");
        return (match.Groups[1].Value, double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), double.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture));
    }

    private static void AssertClose((string Digit, double Probability, double Angle) expected, (string Digit, double Probability, double Angle) actual)
    {
        Assert.Equal(expected.Digit, actual.Digit);
        Assert.InRange(actual.Probability, expected.Probability - 1e-3, expected.Probability + 1e-3);
        Assert.InRange(actual.Angle, expected.Angle - 1e-2, expected.Angle + 1e-2);
    }

    /// <summary>Deletes TorchSharp's and libtorch's native libraries, for every platform, from the build output.</summary>
    private static List<string> RemoveLibTorch(string output)
    {
        var removed = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
            .Where(file => Path.GetFileName(Path.GetDirectoryName(file)) == "native"
                && Path.GetFileName(file) is var name
                && (name.Contains("torch", StringComparison.OrdinalIgnoreCase) || name.Contains("c10", StringComparison.Ordinal)))
            .ToList();
        foreach (var file in removed) File.Delete(file);
        return removed;
    }

    /// <summary>Four zeros and four ones from the bundled rotation sample, with a manifest naming both targets.</summary>
    private static string WriteSample(string folder)
    {
        var source = RepositoryPaths.BundledData("rotation", "train");
        var images = Path.Combine(folder, "images");
        Directory.CreateDirectory(images);
        var rows = File.ReadLines(Path.Combine(source, "labels.csv")).Skip(1)
            .Select(line => line.Split(','))
            .Where(cells => Path.GetFileName(cells[0]) is ['0' or '1', '-', ..])
            .GroupBy(cells => Path.GetFileName(cells[0])[0])
            .SelectMany(group => group.Take(4))
            .ToList();
        var manifest = new List<string> { "file,digit,angle" };
        foreach (var cells in rows)
        {
            var name = Path.GetFileName(cells[0]);
            File.Copy(Path.Combine(source, cells[0]), Path.Combine(images, name));
            manifest.Add($"images/{name},{name[0]},{cells[1]}");
        }
        File.WriteAllLines(Path.Combine(folder, "labels.csv"), manifest);
        return folder;
    }
}
