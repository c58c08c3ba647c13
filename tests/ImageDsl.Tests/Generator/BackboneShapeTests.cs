using ImageDsl.Modeling;
using ImageDsl.Networks;
using ImageDsl.Specs;

namespace ImageDsl.Tests.Generator;

/// <summary>A PlainCnn 2 blocks deep and 8 channels wide that flattens a 2x2 grid, declared on the spec.</summary>
[ImageModel(Width = 12, Height = 10, Channels = 1, Backbone = Backbone.PlainCnn, BackboneBlocks = 2, BackboneWidth = 8, BackboneGrid = 2)]
public partial class NarrowPlainDigits
{
    [Labels("A", "B")] public string Letter { get; init; } = "";
}

/// <summary>
/// <c>BackboneBlocks</c>, <c>BackboneWidth</c> and <c>BackboneGrid</c> shape a PlainCnn from the spec: checked at
/// compile time (IMGDSL0039, IMGDSL0040, and IMGDSL0038 with the declared depth), carried by the
/// generated spec into the network, and saved with the model.
/// </summary>
public class BackboneShapeTests
{
    private const string Target = "[Labels] public Digit Digit { get; init; }";

    [Fact]
    public async Task A_shape_on_a_backbone_with_a_fixed_one_is_reported()
    {
        await DiagnosticTests.AssertReports("IMGDSL0039",
            $"[ImageModel(Width = 28, Height = 28, [|BackboneBlocks = 4|])] public partial class Spec1 {{ {Target} }}",
            "BackboneBlocks shapes a PlainCnn; the SmallCnn backbone has a fixed shape");
        await DiagnosticTests.AssertReports("IMGDSL0039",
            $"[ImageModel(Backbone = Backbone.ResNet18, [|BackboneWidth = 16|])] public partial class Spec1 {{ {Target} }}",
            "BackboneWidth shapes a PlainCnn; the ResNet18 backbone has a fixed shape");
        await DiagnosticTests.AssertReports("IMGDSL0039",
            $"[ImageModel(Backbone = Backbone.CoordCnn, [|BackboneGrid = 3|])] public partial class Spec1 {{ {Target} }}",
            "BackboneGrid shapes a PlainCnn; the CoordCnn backbone has a fixed shape");
    }

    [Theory]
    [InlineData("BackboneBlocks", 7, "1 to 6")]
    [InlineData("BackboneBlocks", -1, "1 to 6")]
    [InlineData("BackboneWidth", 2, "4 to 256")]
    [InlineData("BackboneWidth", 512, "4 to 256")]
    [InlineData("BackboneGrid", 9, "1 to 8")]
    public Task A_shape_out_of_range_is_reported(string name, int value, string range) => DiagnosticTests.AssertReports("IMGDSL0040",
        $"[ImageModel(Width = 64, Height = 64, Backbone = Backbone.PlainCnn, [|{name} = {value}|])] public partial class Spec1 {{ {Target} }}",
        $"{name} = {value} is not a valid PlainCnn shape: use {range}");

    [Fact]
    public async Task The_minimum_size_follows_the_declared_depth()
    {
        // Four blocks halve the image four times: 16 pixels, not the default's 8.
        await DiagnosticTests.AssertReports("IMGDSL0038",
            $"[ImageModel([|Width = 15|], Height = 16, Backbone = Backbone.PlainCnn, BackboneBlocks = 4)] public partial class Spec1 {{ {Target} }}",
            "Width = 15 is smaller than the PlainCnn backbone accepts: at least 16 pixels, because each of its 4 blocks halves the image");
        // Two blocks accept 4 pixels, which the default depth would refuse.
        var compilation = GeneratorHarness.Compile($$"""
            using ImageDsl;
            namespace Demo;
            public enum Digit { Zero, One }
            [ImageModel(Width = 4, Height = 4, Backbone = Backbone.PlainCnn, BackboneBlocks = 2)]
            public partial class Spec1 { {{Target}} }
            """);
        Assert.Empty(await GeneratorHarness.AnalyzeAsync(compilation));
    }

    [Fact]
    public void The_generated_spec_builds_the_declared_network()
    {
        var spec = NarrowPlainDigits.Spec;
        Assert.Equal((2, 8, 2), (spec.BackboneBlocks, spec.BackboneWidth, spec.BackboneGrid));

        using var model = NarrowPlainDigits.Model.Create(seed: 1);
        using var expected = new PlainCnn(spec.Input, blocks: 2, width: 8, grid: 2);
        var backbone = model.Network.named_children().Single(c => c.name == "backbone").module;
        Assert.Equal(expected.named_parameters().Select(p => (p.name, Shape: string.Join("x", p.parameter.shape))),
            backbone.named_parameters().Select(p => (p.name, Shape: string.Join("x", p.parameter.shape))));
    }

    [Fact]
    public void A_saved_model_keeps_its_shape_and_a_different_shape_is_refused()
    {
        using var folder = new TemporaryDirectory();
        var path = folder.File("narrow.imgdsl");
        using (var model = NarrowPlainDigits.Model.Create(seed: 1)) model.Save(path);

        using var loaded = NarrowPlainDigits.Model.Load(path);
        var saved = ModelFile.ReadHeader(path).Spec;
        Assert.Equal((2, 8, 2), (saved.BackboneBlocks, saved.BackboneWidth, saved.BackboneGrid));
        Assert.Empty(ModelFile.Differences(saved, NarrowPlainDigits.Spec));
        Assert.Equal(["spec.backboneWidth: the file has 8, this model declares 16"], ModelFile.Differences(saved, saved with { BackboneWidth = 16 }));
    }

    [Fact]
    public void A_default_shaped_spec_is_written_as_before_the_shape_existed()
    {
        // Model files saved before BackboneBlocks and BackboneWidth existed have no such keys;
        // the default shape must not add them, or those files would no longer load.
        var json = System.Text.Json.JsonSerializer.Serialize(TestSpecs.Digits(), ModelFile.Json);
        Assert.DoesNotContain("backbone" + "Blocks", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("backbone" + "Width", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("backbone" + "Grid", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Shape_settings_on_another_backbone_are_refused_at_run_time_too()
    {
        var spec = TestSpecs.Digits() with { BackboneBlocks = 2 };

        var error = Assert.Throws<ArgumentException>(() => Backbones.Create(spec));

        Assert.Contains("SmallCnn has a fixed shape", error.Message);
    }

    [Fact]
    public void A_grid_keeps_where_things_are_and_global_pooling_does_not()
    {
        // The same bright square in two places, far enough from the edges that the convolutions'
        // padding does not touch what it changes: global average pooling cannot tell them apart
        // (its features are sums over positions), a grid can.
        var input = new InputSpec(16, 16, 1);
        using var pooled = new PlainCnn(input, blocks: 1, width: 4);
        using var gridded = new PlainCnn(input, blocks: 1, width: 4, grid: 2);
        using var scope = TorchSharp.torch.NewDisposeScope();
        var images = TorchSharp.torch.zeros(2, 1, 16, 16);
        images[0, 0, 4..8, 4..8] = TorchSharp.torch.ones(4, 4);
        images[1, 0, 8..12, 8..12] = TorchSharp.torch.ones(4, 4);
        pooled.eval();
        gridded.eval();

        var a = pooled.call(images);
        var b = gridded.call(images);

        Assert.Equal([2L, 4L], a.shape);
        Assert.Equal([2L, PlainCnn.GridFeatures], b.shape);
        Assert.True((a[0] - a[1]).abs().max().item<float>() < 1e-5f, "global average pooling should not see the position");
        Assert.True((b[0] - b[1]).abs().max().item<float>() > 1e-3f, "the grid should see the position");
    }
}
