using ImageDsl.Generators;
using ImageDsl.Networks;

namespace ImageDsl.Tests.Generator;

/// <summary>IMGDSL0038: a declared input smaller than the backbone accepts, with the generator's table of minimums kept equal to the runtime's.</summary>
public class BackboneSizeTests
{
    [Fact]
    public void The_generator_knows_the_runtime_minimum_of_every_backbone()
    {
        Assert.Equal(Enum.GetNames<Backbone>().Order(), BackboneSizes.All.Keys.Order());
        foreach (var backbone in Enum.GetValues<Backbone>())
            Assert.True(Backbones.MinimumSide(backbone) == BackboneSizes.All[backbone.ToString()].MinimumSide,
                $"{backbone}: the runtime's minimum side is {Backbones.MinimumSide(backbone)}, the generator's {BackboneSizes.All[backbone.ToString()].MinimumSide}.");
    }

    public static TheoryData<string, int> Minimums => new()
    {
        { "SmallCnn", 8 },
        { "PlainCnn", 8 },
        { "ResNet18", 32 },
        { "ResNet34", 32 },
        { "CoordCnn", 4 },
        { "ResNet50", 32 },
        { "MobileNetV3Small", 32 },
        { "MobileNetV3Large", 32 },
        { "EfficientNetB0", 32 },
    };

    [Fact]
    public void Every_backbone_has_a_boundary_test() =>
        Assert.Equal(Enum.GetNames<Backbone>().Order(), Minimums.Select(row => (string)row[0]).Order());

    [Theory]
    [MemberData(nameof(Minimums))]
    public async Task A_side_one_pixel_below_the_backbone_minimum_is_reported(string backbone, int minimum)
    {
        var target = "[Labels] public Digit Digit { get; init; }";
        await DiagnosticTests.AssertReports("IMGDSL0038",
            $"[ImageModel([|Width = {minimum - 1}|], Height = {minimum}, Backbone = Backbone.{backbone})] public partial class Spec1 {{ {target} }}",
            $"Width = {minimum - 1} is smaller than the {backbone} backbone accepts: at least {minimum} pixels, because ");
        await DiagnosticTests.AssertReports("IMGDSL0038",
            $"[ImageModel(Backbone = Backbone.{backbone}, Width = {minimum}, [|Height = {minimum - 1}|])] public partial class Spec1 {{ {target} }}",
            $"Height = {minimum - 1} is smaller than the {backbone} backbone accepts");
    }

    [Theory]
    [MemberData(nameof(Minimums))]
    public async Task The_backbone_minimum_itself_is_accepted(string backbone, int minimum)
    {
        var compilation = GeneratorHarness.Compile($$"""
            using ImageDsl;
            namespace Demo;
            public enum Digit { Zero, One }
            [ImageModel(Width = {{minimum}}, Height = {{minimum}}, Backbone = Backbone.{{backbone}})]
            public partial class Spec1 { [Labels] public Digit Digit { get; init; } }
            """);

        var diagnostics = await GeneratorHarness.AnalyzeAsync(compilation);
        var run = GeneratorHarness.Run(compilation);

        Assert.Empty(diagnostics);
        Assert.Single(run.Result.GeneratedSources);
    }

    [Fact]
    public Task The_reason_names_the_downsampling() => DiagnosticTests.AssertReports("IMGDSL0038",
        "[ImageModel([|Width = 28|], Height = 64, Backbone = Backbone.ResNet18)] public partial class Spec1 { [Labels] public Digit Digit { get; init; } }",
        "Width = 28 is smaller than the ResNet18 backbone accepts: at least 32 pixels, because it halves the image five times");

    [Fact]
    public Task The_reason_names_the_strided_blocks_of_MobileNetV3() => DiagnosticTests.AssertReports("IMGDSL0038",
        "[ImageModel(Width = 64, [|Height = 24|], Backbone = Backbone.MobileNetV3Small)] public partial class Spec1 { [Labels] public Digit Digit { get; init; } }",
        "Height = 24 is smaller than the MobileNetV3Small backbone accepts: at least 32 pixels, because it halves the image five times (stem convolution and four strided blocks)");
}
