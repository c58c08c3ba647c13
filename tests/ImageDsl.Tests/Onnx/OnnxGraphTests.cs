using ImageDsl.Modeling;
using ImageDsl.Onnx;
using ImageDsl.Onnx.Protobuf;
using Microsoft.ML.OnnxRuntime;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ImageDsl.Tests.Onnx;

/// <summary>What the exported file declares: names and shapes from the spec, metadata, and the post-processing.</summary>
[Collection(OnnxFixture.Collection)]
public sealed class OnnxGraphTests(OnnxFixture fixture)
{
    [Fact]
    public void Inputs_and_outputs_are_named_and_shaped_from_the_spec()
    {
        using var session = new InferenceSession(fixture.Onnx("mixed"));

        var input = Assert.Single(session.InputMetadata);
        Assert.Equal("image", input.Key);
        Assert.Equal(typeof(float), input.Value.ElementType);
        Assert.Equal([-1, 1, 56, 56], input.Value.Dimensions);
        Assert.Equal(["digit_probabilities", "rotation_angle"], session.OutputMetadata.Keys);
        Assert.Equal([-1, 10], session.OutputMetadata["digit_probabilities"].Dimensions);
        Assert.Equal([-1], session.OutputMetadata["rotation_angle"].Dimensions);
    }

    [Fact]
    public void Metadata_carries_the_spec_normalization_and_label_order()
    {
        using var session = new InferenceSession(fixture.Onnx("mixed"));
        var metadata = session.ModelMetadata.CustomMetadataMap;

        Assert.Equal("Zero,One,Two,Three,Four,Five,Six,Seven,Eight,Nine", metadata["imagedsl.labels.digit_probabilities"]);
        Assert.Empty(ModelFile.Differences(OnnxMetadata.ReadSpec(metadata)!, OnnxMixed.Spec));
        Assert.Contains("\"mean\"", metadata[OnnxMetadata.NormalizationKey]);
        Assert.Equal("ImageDsl", session.ModelMetadata.ProducerName);
    }

    [Theory]
    [InlineData("labels", "Conv", null)]             // 28 -> 7: the 7x7 grid is the identity
    [InlineData("range", "MatMul", "AveragePool")]   // 32 -> 8 -> 7: overlapping windows as matrix products
    [InlineData("mixed", "AveragePool", "MatMul")]   // 56 -> 14 -> 7: an even 2x2 average
    public void Adaptive_pooling_takes_the_form_the_input_size_allows(string name, string present, string? absent)
    {
        var ops = ModelProto.Parser.ParseFrom(File.ReadAllBytes(fixture.Onnx(name))).Graph.Node.Select(n => n.OpType).ToList();
        Assert.Contains(present, ops);
        if (absent is not null) Assert.DoesNotContain(absent, ops);
        Assert.DoesNotContain("Dropout", ops); // evaluation semantics
        Assert.Equal(3, ops.Count(op => op == "BatchNormalization"));
    }

    [Theory]
    [InlineData(10f, 45f)]
    [InlineData(-10f, -45f)]
    public void Range_outputs_are_clamped_into_the_declared_range_like_TorchSharp(float bias, float expected)
    {
        using var model = OnnxRange.Model.Create(seed: 5);
        model.AllowUntrained = true; // the head is set by hand below
        var head = (Linear)model.Network.named_children().Single(c => c.name == "angle").module;
        using (no_grad())
        {
            head.weight!.zero_();
            head.bias!.fill_(bias);
        }
        using var folder = new TemporaryDirectory();
        model.ExportOnnx(folder.File("clamped.onnx"));

        var images = OnnxSamples.Decode(model.Spec.Input, fixture.Images.Take(2));
        var onnx = OnnxParityTests.RunOnnx(folder.File("clamped.onnx"), model.Spec, images, 2);
        var torch = new Comparable<OnnxRange, OnnxRange.Prediction>(model).TorchOutputs(images, 2);

        Assert.Equal([expected, expected], onnx[0]);
        Assert.Equal(expected, torch[0][0][0]);
    }

    [Fact]
    public void Output_names_are_snake_case_and_unique()
    {
        Assert.Equal("rotation_angle", OnnxTargets.SnakeCase("RotationAngle"));
        Assert.Equal("http_code", OnnxTargets.SnakeCase("HTTPCode"));
        Assert.Equal("angle2_x", OnnxTargets.SnakeCase("Angle2X"));
        Assert.Equal("already_snake", OnnxTargets.SnakeCase("already_snake"));
        var spec = new Specs.ModelSpec("Clash", new Specs.InputSpec(28, 28, 1), Backbone.SmallCnn,
            [new Specs.RangeTargetSpec("Angle", 0, 1), new Specs.RangeTargetSpec("angle", 0, 1), new Specs.RangeTargetSpec("Image", 0, 1)]);
        Assert.Equal(["angle", "angle_2", "image_2"], OnnxTargets.OutputNames(spec));
    }
}
