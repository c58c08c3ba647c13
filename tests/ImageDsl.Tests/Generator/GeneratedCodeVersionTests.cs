using System.Text.RegularExpressions;
using ImageDsl.Generators;

namespace ImageDsl.Tests.Generator;

/// <summary>
/// <c>[GeneratedCode]</c> names the version the package ships as (issue 15: it said 1.0.0 in a
/// 0.1.0 package): the generator's assembly takes the one VersionPrefix in Directory.Build.props.
/// </summary>
public sealed partial class GeneratedCodeVersionTests
{
    [Fact]
    public void Generated_code_carries_the_repository_version()
    {
        var props = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Directory.Build.props"));
        var version = VersionPrefix().Match(props);
        Assert.True(version.Success, "Directory.Build.props has no <VersionPrefix>");

        Assert.Equal(version.Groups[1].Value, GeneratorInfo.Version);
        var run = GeneratorHarness.Run(GeneratorHarness.Compile("using ImageDsl;\nnamespace Demo;\npublic enum Digit { Zero, One }\n[ImageModel] public partial class Spec1 { [Labels] public Digit Digit { get; init; } }"));
        Assert.Contains($"GeneratedCode(\"ImageDsl.Generators\", \"{version.Groups[1].Value}\")", string.Join("\n", run.Sources));
    }

    [GeneratedRegex(@"<VersionPrefix>([0-9.]+)</VersionPrefix>")]
    private static partial Regex VersionPrefix();
}
