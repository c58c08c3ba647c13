using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace ImageDsl.Tests.Packaging;

/// <summary>
/// The package alone, in a stranger's project: a new console app outside the repository adds
/// ImageDsl from a local feed plus the libtorch backend it chooses (TorchSharp-cpu), declares a
/// spec, builds with warnings as errors (compiler and MSBuild), nullable and XML docs on, then
/// trains, predicts, saves, reloads, exports ONNX and predicts with the generated OnnxPredictor.
/// It checks the build output holds only this platform's native libraries and that a second
/// build skips the libtorch fix. Finally a second app with no libtorch backend (warned
/// IMGDSL1001 unless it sets ImageDslNoLibTorch) predicts from the ONNX file with no libtorch in
/// its output. It passing means the generator ran from analyzers/, the generated types compile
/// and are documented, libtorch loads from the build output (on Debian 12 only through the
/// buildTransitive fix), and ONNX Runtime came with the package. A few minutes on two cores.
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
        var data = RotationSample.Write(package.NewFolder("data"));

        var stopwatch = Stopwatch.StartNew();
        var build = DotnetCli.Run(app, TimeSpan.FromMinutes(8), "build", "-c", "Release", "-p:ImageDslVersion=" + package.Version);
        log.WriteLine($"restore + build: {stopwatch.Elapsed.TotalSeconds:F0} s\n{build}");
        // Warnings as errors covers the compiler; this also catches NuGet's and MSBuild's.
        Assert.DoesNotMatch(@": warning [A-Z]+[0-9]+", build);

        stopwatch.Restart();
        var assembly = Path.Combine(app, "bin", "Release", "net10.0", "Consumer.dll");
        var trained = DotnetCli.Run(app, TimeSpan.FromMinutes(4), assembly, data);
        log.WriteLine($"train + predict: {stopwatch.Elapsed.TotalSeconds:F0} s\n{trained}");

        Assert.Contains("trained: 2 epochs", trained);
        var prediction = Printed(trained, "prediction");
        Assert.InRange(prediction.Probability, 0.5, 1.0);
        Assert.InRange(prediction.Angle, -45, 45);
        // Saved and reloaded from the package's own file format: the very same numbers.
        Assert.Equal(prediction, Printed(trained, "reloaded"));
        // Exported to ONNX and run by the generated OnnxPredictor: the same, to float differences.
        AssertClose(prediction, Printed(trained, "onnx"));

        // Only this machine's native libraries: the SDK would copy every platform's (1.2 GB of
        // libtorch for Windows and macOS here) without the package's buildTransitive filter.
        var output = Path.GetDirectoryName(assembly)!;
        var platforms = Directory.Exists(Path.Combine(output, "runtimes")) ? Directory.GetDirectories(Path.Combine(output, "runtimes")).Select(Path.GetFileName).ToList() : [];
        Assert.All(platforms, rid => Assert.True(rid is "linux-x64" or "linux" or "unix" or "any", $"native libraries for {rid} in the build output"));
        log.WriteLine($"build output: {DirectorySize(output) / 1e6:F0} MB (hard links to the NuGet cache counted in full)");

        // Nothing changed: the libtorch fix target is skipped (its copy under obj/ stays as written).
        var patched = Directory.GetFiles(Path.Combine(app, "obj"), "libLibTorchSharp.so", SearchOption.AllDirectories).Single();
        var written = File.GetLastWriteTimeUtc(patched);
        var noOp = DotnetCli.Run(app, TimeSpan.FromMinutes(4), "build", "-c", "Release", "--no-restore", "-v:d", "-p:ImageDslVersion=" + package.Version);
        Assert.Contains("Skipping target \"_ImageDslWriteLibTorchSharp\" because all output files are up-to-date", noOp);
        Assert.Equal(written, File.GetLastWriteTimeUtc(patched));
        Assert.Contains("trained: 2 epochs", DotnetCli.Run(app, TimeSpan.FromMinutes(4), assembly, data));

        // An app that only predicts from ONNX: no libtorch backend, so no libtorch at all.
        var onnxApp = package.NewProjectFolder("OnnxConsumer");
        foreach (var file in new[] { "OnnxConsumer.csproj", "Program.cs" })
            File.Copy(Path.Combine(OnnxTemplate, file), Path.Combine(onnxApp, file));
        var warned = DotnetCli.Run(onnxApp, TimeSpan.FromMinutes(8), "build", "-c", "Release", "-p:ImageDslNoLibTorch=false", "-p:ImageDslVersion=" + package.Version);
        Assert.Contains("warning IMGDSL1001", warned);
        var onnxBuild = DotnetCli.Run(onnxApp, TimeSpan.FromMinutes(8), "build", "-c", "Release", "-p:ImageDslVersion=" + package.Version);
        Assert.DoesNotMatch(@": warning [A-Z]+[0-9]+", onnxBuild);
        var onnxOutput = Path.Combine(onnxApp, "bin", "Release", "net10.0");
        Assert.DoesNotContain(Directory.EnumerateFiles(onnxOutput, "*", SearchOption.AllDirectories),
            file => Path.GetFileName(file) is var name && (name.StartsWith("libtorch", StringComparison.Ordinal) || name.StartsWith("libc10", StringComparison.Ordinal)));
        var image = RotationSample.FirstImage(data);
        var onnxOnly = DotnetCli.Run(onnxApp, TimeSpan.FromMinutes(2), Path.Combine(onnxOutput, "OnnxConsumer.dll"), Path.Combine(data, "model.onnx"), image);
        log.WriteLine($"ONNX-only app, {DirectorySize(onnxOutput) / 1e6:F0} MB:\n{onnxOnly}");
        AssertClose(prediction, Printed(onnxOnly, "onnx-only"));
    }

    private static readonly string OnnxTemplate = Path.Combine(RepositoryPaths.Root, "tests", "ImageDsl.Tests", "Packaging", "OnnxConsumer");

    private static long DirectorySize(string folder) =>
        new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

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
}
