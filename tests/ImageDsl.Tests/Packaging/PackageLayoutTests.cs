using System.IO.Compression;
using System.Xml.Linq;

namespace ImageDsl.Tests.Packaging;

/// <summary>What <c>dotnet pack</c> puts in the one ImageDsl package.</summary>
[Collection(PackagingCollection.Name)]
public sealed class PackageLayoutTests(PackedPackage package)
{
    [Fact]
    public void Package_holds_runtime_docs_generator_build_fix_and_readme()
    {
        using var zip = ZipFile.OpenRead(package.PackagePath);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();

        Assert.Contains("lib/net10.0/ImageDsl.dll", entries);
        Assert.Contains("lib/net10.0/ImageDsl.xml", entries);
        // The generator is an analyzer only: never a lib/ reference the consumer compiles against.
        Assert.Contains("analyzers/dotnet/cs/ImageDsl.Generators.dll", entries);
        // The IDE's code fixes, beside the analyzer (PackedCodeFixTests applies them).
        Assert.Contains("analyzers/dotnet/cs/ImageDsl.CodeFixes.dll", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && e.Contains("CodeFixes", StringComparison.Ordinal));
        // What the diagnostics' help links (docs/diagnostics.md#imgdslNNNN) point at.
        Assert.Contains("docs/diagnostics.md", entries);
        Assert.Contains("docs/ide.md", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && e.Contains("Generators", StringComparison.Ordinal));
        Assert.Contains("buildTransitive/ImageDsl.targets", entries);
        Assert.Contains("buildTransitive/ImageDsl.LibTorchFix.targets", entries);
        Assert.Contains("buildTransitive/ImageDslPatchLibTorchSharp.cs", entries);
        Assert.Contains("README.md", entries);
    }

    [Fact]
    public void Packed_libtorch_fix_is_the_file_the_repository_builds_with()
    {
        using var zip = ZipFile.OpenRead(package.PackagePath);
        foreach (var name in new[] { "ImageDsl.LibTorchFix.targets", "ImageDslPatchLibTorchSharp.cs" })
        {
            using var reader = new StreamReader(zip.GetEntry("buildTransitive/" + name)!.Open());
            Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "build", name)), reader.ReadToEnd());
        }
    }

    [Fact]
    public void Nuspec_has_honest_metadata_and_depends_on_managed_torchsharp_and_onnx_runtime_but_not_on_a_backend_or_build_tools()
    {
        using var zip = ZipFile.OpenRead(package.PackagePath);
        using var stream = zip.GetEntry("ImageDsl.nuspec")!.Open();
        var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string Value(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;

        Assert.Equal("ImageDsl", Value("id"));
        Assert.Equal(package.Version, Value("version"));
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("README.md", Value("readme"));
        Assert.Contains("source generator", Value("description"));
        Assert.Contains("ONNX", Value("description"));
        Assert.Contains("source-generator", Value("tags").Split(' '));
        Assert.Contains("onnx", Value("tags").Split(' '));
        // No public address exists yet: no made-up repository or project URL (issue 15).
        Assert.DoesNotContain(metadata.Elements(), e => e.Name.LocalName == "projectUrl");
        Assert.DoesNotContain(metadata.Descendants().Attributes("url"), a => a.Parent!.Name.LocalName == "repository");

        var dependencies = metadata.Descendants().Where(e => e.Name.LocalName == "dependency")
            .ToDictionary(e => e.Attribute("id")!.Value, e => e.Attribute("version")!.Value);
        // TorchSharp's managed package only: the app chooses its libtorch backend (CPU or CUDA).
        Assert.Equal("0.107.0", dependencies["TorchSharp"]);
        Assert.DoesNotContain(dependencies.Keys, id => id.StartsWith("TorchSharp-", StringComparison.Ordinal) || id.StartsWith("libtorch", StringComparison.Ordinal));
        Assert.Equal("2.1.13", dependencies["SixLabors.ImageSharp"]);
        Assert.Equal("1.31.1", dependencies["Microsoft.ML.OnnxRuntime"]);
        Assert.Contains("Google.Protobuf", dependencies.Keys);
        // Build-only tools stay out of consumers' dependency graphs.
        Assert.DoesNotContain(dependencies.Keys, id => id.Contains("Generators", StringComparison.Ordinal) || id == "Grpc.Tools");
    }

    [Fact]
    public void Embedded_pdb_names_deterministic_source_paths_not_the_packers_folders()
    {
        var paths = Nupkg.EmbeddedPdbSourcePaths(package.PackagePath, "lib/net10.0/ImageDsl.dll");

        Assert.NotEmpty(paths);
        // Stack traces show these paths: /_/src/ImageDsl/..., never the machine that packed it.
        Assert.All(paths, path => Assert.StartsWith("/_/", path));
        Assert.DoesNotContain(paths, path => path.Contains(RepositoryPaths.Root, StringComparison.Ordinal));
    }
}
