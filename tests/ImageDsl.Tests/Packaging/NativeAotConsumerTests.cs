using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace ImageDsl.Tests.Packaging;

/// <summary>
/// The ONNX-only app (<c>Packaging/OnnxConsumer</c>: ImageDsl from the local feed, no libtorch
/// backend) published with NativeAOT for this machine: ImageDsl's code on its path gives no trim
/// or AOT warning (IL2xxx/IL3xxx), and the native executable predicts what the ONNX predictor
/// predicts in this process. It failed at <c>OnnxPredictor.Load</c> when the spec in the ONNX
/// metadata was read by reflection (docs/packaging.md). Needs a C toolchain (clang or gcc) to
/// link; skipped, saying so, without one. About a minute and a half on two cores.
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed class NativeAotConsumerTests(PackedPackage package, ITestOutputHelper log)
{
    private static readonly string Template = Path.Combine(RepositoryPaths.Root, "tests", "ImageDsl.Tests", "Packaging", "OnnxConsumer");

    [RequiresNativeLinkerFact]
    public void Onnx_only_app_publishes_with_NativeAOT_without_ImageDsl_warnings_and_predicts_the_same()
    {
        var data = package.NewFolder("aot-data");
        var modelPath = Path.Combine(data, "model.onnx");
        var image = Path.Combine(RepositoryPaths.BundledData("rotation", "train"), "images", "0-0012.png");
        // The same spec as the app's (the name aside, which the predictor does not compare); untrained is enough.
        using (var model = OnnxOnlyDigitAngle.Model.Create(seed: 1))
        {
            model.AllowUntrained = true;
            model.ExportOnnx(modelPath);
        }
        OnnxOnlyDigitAngle.Prediction expected;
        using (var predictor = OnnxOnlyDigitAngle.OnnxPredictor.Load(modelPath)) expected = predictor.Predict(image);

        var app = package.NewProjectFolder("AotConsumer");
        foreach (var file in new[] { "OnnxConsumer.csproj", "Program.cs" })
            File.Copy(Path.Combine(Template, file), Path.Combine(app, file));
        var output = Path.Combine(app, "aot");
        var stopwatch = Stopwatch.StartNew();
        // Warnings stay warnings here (ImageSharp has some of its own) and each is printed in full, not one per assembly.
        var publish = DotnetCli.Run(app, TimeSpan.FromMinutes(6), "publish", "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true",
            "-p:TreatWarningsAsErrors=false", "-p:TrimmerSingleWarn=false", "-o", output, "-p:ImageDslVersion=" + package.Version);
        var warnings = Regex.Matches(publish, @"(?m)^.*warning IL[0-9]{4}:.*$").Select(m => Regex.Replace(m.Value, @"\s*\[[^\]]*\.csproj\]\s*$", "")).Distinct().ToList();
        log.WriteLine($"NativeAOT publish: {stopwatch.Elapsed.TotalSeconds:F0} s, {warnings.Count} trim/AOT warning(s):\n{string.Join("\n", warnings)}");
        Assert.DoesNotContain(warnings, w => w.Contains("ImageDsl", StringComparison.Ordinal));

        var executable = Path.Combine(output, "OnnxConsumer");
        Assert.True(File.Exists(executable), $"no native executable {executable}; publish printed:\n{publish}");
        Assert.False(File.Exists(Path.Combine(output, "ImageDsl.dll")), "ImageDsl.dll beside the native executable: this was not a NativeAOT publish");
        var printed = RunProgram(executable, modelPath, image);
        log.WriteLine(printed);
        var match = Regex.Match(printed, @"(?m)^onnx-only: (\w+) ([0-9.]+) (-?[0-9.]+)\s*$");
        Assert.True(match.Success, $"no 'onnx-only:' line in:\n{printed}");
        Assert.Equal(expected.Digit.ToString(), match.Groups[1].Value);
        Assert.Equal(expected.DigitProbabilities[expected.Digit], double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), 1e-4);
        Assert.Equal(expected.Angle, double.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture), 1e-3);
    }

    private static string RunProgram(string executable, params string[] arguments)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{executable} did not finish within a minute");
        }
        var text = stdout.Result + stderr.Result;
        Assert.True(process.ExitCode == 0, $"{executable} exited with {process.ExitCode}:\n{text}");
        return text;
    }
}

/// <summary>Skips, saying why, where neither clang nor gcc is on the PATH: NativeAOT links the executable with one of them.</summary>
public sealed class RequiresNativeLinkerFactAttribute : FactAttribute
{
    public RequiresNativeLinkerFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
            Skip = "the NativeAOT consumer test publishes for linux-x64 and runs the result: Linux only";
        else if (!new[] { "clang", "gcc" }.Any(OnPath))
            Skip = "neither clang nor gcc is on the PATH, and NativeAOT links with one of them (apt-get install clang, or gcc)";
    }

    private static bool OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, name)));
}

/// <summary>The digits of <see cref="OnnxOnlyDigitAngle"/>: the members of the ONNX-only app's <c>Digit</c>.</summary>
public enum OnnxOnlyDigit
{
    Zero,
    One,
}

/// <summary>The spec of <c>Packaging/OnnxConsumer</c>'s <c>DigitAngle</c>, under another name, to export the model it loads.</summary>
[ImageModel(Width = 28, Height = 28, Channels = 1)]
public partial class OnnxOnlyDigitAngle
{
    [Labels] public OnnxOnlyDigit Digit { get; init; }

    [Range(-45, 45, Unit = "degrees")] public float Angle { get; init; }
}
