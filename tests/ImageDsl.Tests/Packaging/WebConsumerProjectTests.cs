using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace ImageDsl.Tests.Packaging;

/// <summary>
/// The two packages in a stranger's web app: a new ASP.NET Core project outside the repository
/// (Packaging/WebConsumer) adds ImageDsl and ImageDsl.AspNetCore from a local feed plus
/// TorchSharp-cpu, builds with warnings as errors, trains a tiny model, saves it and serves the
/// file with AddImageModel and MapImagePrediction on a loopback port. Over real HTTP: health is
/// 200, a PNG gets the typed prediction as JSON (the same as the app's in-process prediction),
/// each bad request gets its status and problem+json, and the server still answers afterwards.
/// The server stops when its standard input closes and is killed however the test ends. A
/// second test builds the app with only ImageDsl.AspNetCore (ImageDsl as its dependency alone).
/// About a minute on two cores.
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed class WebConsumerProjectTests(PackedPackage package, ITestOutputHelper log)
{
    private static readonly string Template = Path.Combine(RepositoryPaths.Root, "tests", "ImageDsl.Tests", "Packaging", "WebConsumer");

    [Fact]
    public async Task New_web_project_serves_a_model_from_the_packages_alone()
    {
        var app = package.NewProjectFolder("WebConsumer");
        foreach (var file in new[] { "WebConsumer.csproj", "Program.cs" })
            File.Copy(Path.Combine(Template, file), Path.Combine(app, file));
        var data = RotationSample.Write(package.NewFolder("web-data"));

        var stopwatch = Stopwatch.StartNew();
        var build = DotnetCli.Run(app, TimeSpan.FromMinutes(8), "build", "-c", "Release", "-p:ImageDslVersion=" + package.Version);
        log.WriteLine($"restore + build: {stopwatch.Elapsed.TotalSeconds:F0} s\n{build}");
        Assert.DoesNotMatch(@": warning [A-Z]+[0-9]+", build);

        stopwatch.Restart();
        var assembly = Path.Combine(app, "bin", "Release", "net10.0", "WebConsumer.dll");
        var (server, address) = ServerProcess.Start(app, "listening: ", TimeSpan.FromMinutes(4), assembly, data);
        using (server)
        {
            log.WriteLine($"train + start: {stopwatch.Elapsed.TotalSeconds:F0} s, serving on {address}");
            try
            {
                await AssertServes(new Uri(address), InProcess(server.Output), File.ReadAllBytes(RotationSample.FirstImage(data)), server);
                // What keeps a server from outliving a test host that died before killing it.
                Assert.True(server.CloseInputAndWait(TimeSpan.FromSeconds(30)), "the app did not stop when its standard input closed");
            }
            finally
            {
                log.WriteLine(server.Output);
            }
        }
        Assert.False(server.IsRunning, "the server outlived the test");
    }

    [Fact]
    public void A_web_project_referencing_only_the_serving_package_still_gets_the_generator_and_the_libtorch_fix()
    {
        // ImageDsl comes only as ImageDsl.AspNetCore's dependency (include="All" in its nuspec).
        var app = package.NewProjectFolder("WebConsumerServingOnly");
        var project = File.ReadAllLines(Path.Combine(Template, "WebConsumer.csproj"))
            .Where(line => !line.Contains("Include=\"ImageDsl\"", StringComparison.Ordinal)).ToList();
        Assert.Single(project, line => line.Contains("Include=\"ImageDsl.AspNetCore\"", StringComparison.Ordinal));
        File.WriteAllLines(Path.Combine(app, "WebConsumer.csproj"), project);
        File.Copy(Path.Combine(Template, "Program.cs"), Path.Combine(app, "Program.cs"));

        var build = DotnetCli.Run(app, TimeSpan.FromMinutes(8), "build", "-c", "Release", "-p:ImageDslVersion=" + package.Version);
        log.WriteLine(build);
        // It compiled, so the generator ran (Program.cs uses the generated DigitAngle.Model).
        Assert.DoesNotMatch(@": warning [A-Z]+[0-9]+", build);
        Assert.True(File.Exists(Path.Combine(app, "bin", "Release", "net10.0", "ImageDsl.dll")));
        // The buildTransitive libtorch fix ran: its copy of libLibTorchSharp.so is under obj/.
        Assert.Single(Directory.GetFiles(Path.Combine(app, "obj"), "libLibTorchSharp.so", SearchOption.AllDirectories));
    }

    private static async Task AssertServes(Uri address, (string Digit, double Probability, double Angle) expected, byte[] png, ServerProcess server)
    {
        Assert.Equal("127.0.0.1", address.Host);
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };

        using (var health = await client.GetAsync("/health"))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
        }
        await AssertPredicts(client, png, expected);

        // The app's limit is 64 KiB (MaxRequestBytes in Program.cs).
        (HttpContent Content, HttpStatusCode Status, string Says)[] bad =
        [
            (new StringContent("a digit", System.Text.Encoding.UTF8, "text/plain"), HttpStatusCode.UnsupportedMediaType, "Content-Type text/plain is not accepted"),
            (Raw(new byte[100_000]), HttpStatusCode.RequestEntityTooLarge, "100,000 bytes, over the limit of 65,536"),
            (Raw("<html>not a digit</html>"u8.ToArray()), HttpStatusCode.UnsupportedMediaType, "not a supported image"),
            // Its signature and header, cut off before the pixels.
            (Raw(png[..60]), HttpStatusCode.BadRequest, "cannot be decoded"),
        ];
        foreach (var (content, status, says) in bad)
        {
            using (content)
            using (var response = await client.PostAsync("/predict", content))
            {
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == status, $"{content.Headers.ContentType}: expected {(int)status}, got {(int)response.StatusCode}: {body}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                using var problem = JsonDocument.Parse(body);
                Assert.Contains(says, problem.RootElement.GetProperty("detail").GetString());
            }
            // Still serving, and the same answer.
            Assert.True(server.IsRunning, "the server exited after a bad request:\n" + server.Output);
            await AssertPredicts(client, png, expected);
        }

        using var after = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    private static async Task AssertPredicts(HttpClient client, byte[] png, (string Digit, double Probability, double Angle) expected)
    {
        using var content = Raw(png);
        using var response = await client.PostAsync("/predict", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);

        // The generated Prediction record, camelCase, labels by name.
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal(expected.Digit, root.GetProperty("digit").GetString());
        var probabilities = root.GetProperty("digitProbabilities");
        Assert.Equal(["One", "Zero"], probabilities.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(1.0, probabilities.EnumerateObject().Sum(p => p.Value.GetDouble()), 4);
        // The served model is the saved file reloaded: the same numbers as the app's own Predict.
        Assert.InRange(probabilities.GetProperty(expected.Digit).GetDouble(), expected.Probability - 1e-3, expected.Probability + 1e-3);
        Assert.InRange(root.GetProperty("angle").GetDouble(), expected.Angle - 1e-2, expected.Angle + 1e-2);
    }

    private static ByteArrayContent Raw(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return content;
    }

    private static (string Digit, double Probability, double Angle) InProcess(string output)
    {
        var match = Regex.Match(output, @"(?m)^in-process: (Zero|One) ([0-9.]+) (-?[0-9.]+)\s*$");
        Assert.True(match.Success, $"no 'in-process:' line in:\n{output}");
        return (match.Groups[1].Value, double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), double.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture));
    }
}
