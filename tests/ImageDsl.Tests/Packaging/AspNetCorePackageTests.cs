using System.IO.Compression;
using System.Xml.Linq;

namespace ImageDsl.Tests.Packaging;

/// <summary>What <c>dotnet pack</c> puts in the ImageDsl.AspNetCore package (docs/packaging.md).</summary>
[Collection(PackagingCollection.Name)]
public sealed class AspNetCorePackageTests(PackedPackage package)
{
    private const string Id = "ImageDsl.AspNetCore";

    private XElement Metadata => Nupkg.Metadata(package.AspNetCorePackagePath, Id);

    private string Value(string name) => Metadata.Elements().Single(e => e.Name.LocalName == name).Value;

    [Fact]
    public void Package_holds_the_serving_assembly_its_xml_docs_and_a_readme_but_not_imagedsl_itself()
    {
        var entries = Nupkg.Entries(package.AspNetCorePackagePath);

        Assert.Contains("lib/net10.0/ImageDsl.AspNetCore.dll", entries);
        Assert.Contains("lib/net10.0/ImageDsl.AspNetCore.xml", entries);
        Assert.Contains("README.md", entries);
        // ImageDsl comes as a dependency, never as a second copy of its assembly or its generator.
        Assert.DoesNotContain("lib/net10.0/ImageDsl.dll", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("analyzers/", StringComparison.Ordinal));
        // Packing warned about nothing (it used to say the package had no readme).
        Assert.DoesNotContain(": warning ", package.AspNetCorePackOutput);
    }

    [Fact]
    public void Readme_is_the_projects_own_and_says_how_to_register_a_model_and_map_the_endpoint()
    {
        using var zip = ZipFile.OpenRead(package.AspNetCorePackagePath);
        using var reader = new StreamReader(zip.GetEntry("README.md")!.Open());
        var readme = reader.ReadToEnd();

        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", Id, "README.md")), readme);
        Assert.Contains("dotnet add package ImageDsl.AspNetCore", readme);
        Assert.Contains("builder.Services.AddImageModel<", readme);
        Assert.Contains("app.MapImagePrediction<", readme);
        Assert.Contains("app.MapHealthChecks(", readme);
    }

    [Fact]
    public void Nuspec_has_honest_metadata_the_shared_authors_and_licence_and_no_made_up_urls()
    {
        Assert.Equal(Id, Value("id"));
        Assert.Equal(package.Version, Value("version"));
        Assert.Equal("README.md", Value("readme"));
        Assert.Contains("AddImageModel", Value("description"));
        Assert.Contains("MapImagePrediction", Value("description"));
        Assert.Contains("aspnetcore", Value("tags").Split(' '));
        Assert.Contains("serving", Value("tags").Split(' '));
        // From src/Directory.Build.props: the same as the ImageDsl package's.
        var imageDsl = Nupkg.Metadata(package.PackagePath, "ImageDsl");
        foreach (var shared in new[] { "authors", "license" })
            Assert.Equal(imageDsl.Elements().Single(e => e.Name.LocalName == shared).Value, Value(shared));
        Assert.Equal("MIT", Value("license"));
        Assert.DoesNotContain(Metadata.Elements(), e => e.Name.LocalName == "projectUrl");
        Assert.DoesNotContain(Metadata.Descendants().Attributes("url"), a => a.Parent!.Name.LocalName == "repository");
    }

    [Fact]
    public void Nuspec_depends_on_imagedsl_of_the_same_version_with_its_build_assets_and_on_the_aspnetcore_shared_framework()
    {
        var dependencies = Metadata.Descendants().Where(e => e.Name.LocalName == "dependency").ToList();
        var imageDsl = Assert.Single(dependencies);
        Assert.Equal("ImageDsl", imageDsl.Attribute("id")!.Value);
        // A minimum version (NuGet's "x" means >= x), this package's own: the two ship together.
        Assert.Equal(package.Version, imageDsl.Attribute("version")!.Value);
        // All assets, so an app with only this package still gets the generator and build fix.
        Assert.Equal("All", imageDsl.Attribute("include")?.Value);

        // ASP.NET Core is the shared framework, not packages: a framework reference.
        var frameworks = Metadata.Elements().Single(e => e.Name.LocalName == "frameworkReferences")
            .Descendants().Where(e => e.Name.LocalName == "frameworkReference").Select(e => e.Attribute("name")!.Value);
        Assert.Equal(["Microsoft.AspNetCore.App"], frameworks);
        var group = Metadata.Descendants().Single(e => e.Name.LocalName == "group" && e.Parent!.Name.LocalName == "frameworkReferences");
        Assert.Equal("net10.0", group.Attribute("targetFramework")!.Value);
    }

    [Fact]
    public void Embedded_pdb_names_deterministic_source_paths_not_the_packers_folders()
    {
        var paths = Nupkg.EmbeddedPdbSourcePaths(package.AspNetCorePackagePath, "lib/net10.0/ImageDsl.AspNetCore.dll");

        Assert.Contains(paths, path => path.StartsWith("/_/src/ImageDsl.AspNetCore/", StringComparison.Ordinal));
        Assert.All(paths, path => Assert.StartsWith("/_/", path));
        Assert.DoesNotContain(paths, path => path.Contains(RepositoryPaths.Root, StringComparison.Ordinal));
    }
}
