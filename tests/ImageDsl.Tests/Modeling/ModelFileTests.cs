using ImageDsl.Data;
using ImageDsl.Modeling;
using ImageDsl.Specs;
using static TorchSharp.torch;

namespace ImageDsl.Tests.Modeling;

public class ModelFileTests
{
    [Fact]
    public void Spec_differences_name_each_differing_field()
    {
        var saved = TestSpecs.Rotation(-90, 90);
        var declared = TestSpecs.Rotation(-45, 45) with { Input = new InputSpec(32, 28, 1) };

        var differences = ModelFile.Differences(saved, declared);

        Assert.Equal(3, differences.Count);
        Assert.Contains("spec.input.width: the file has 28, this model declares 32", differences);
        Assert.Contains("spec.targets[0].min: the file has -90, this model declares -45", differences);
    }

    [Fact]
    public void Equal_specs_have_no_differences_even_under_another_name()
    {
        Assert.Empty(ModelFile.Differences(TestSpecs.Digits("A.Digits"), TestSpecs.Digits("B.Digits")));
    }

    [Fact]
    public void Loading_a_file_saved_for_another_spec_says_what_differs()
    {
        using var temp = new TemporaryDirectory();
        using var network = nn.Linear(2, 2);
        ModelFile.Write(temp.File("m.imgdsl"), TestSpecs.Rotation(), Normalization.Default(1), network);

        var error = Assert.Throws<ModelFileException>(() => ModelFile.Read(temp.File("m.imgdsl"), TestSpecs.Digits(), network));

        Assert.Contains("saved for spec Tests.Rotation, which differs from Tests.Digits", error.Message);
        Assert.Contains("spec.targets[0].kind: the file has \"range\", this model declares \"labels\"", error.Message);
    }

    [Fact]
    public void Header_round_trips_spec_and_normalization()
    {
        using var temp = new TemporaryDirectory();
        using var network = nn.Linear(2, 2);
        var normalization = new Normalization([0.13f], [0.31f]);
        ModelFile.Write(temp.File("m.imgdsl"), TestSpecs.Digits(), normalization, network);

        var header = ModelFile.ReadHeader(temp.File("m.imgdsl"));

        Assert.Empty(ModelFile.Differences(header.Spec, TestSpecs.Digits()));
        Assert.Equal(normalization, header.Normalization);
        Assert.Equal(TestSpecs.DigitNames, ((LabelTargetSpec)header.Spec.Targets[0]).Labels);
    }

    [Fact]
    public void Files_that_are_not_models_are_refused_clearly()
    {
        using var temp = new TemporaryDirectory();
        File.WriteAllText(temp.File("x.imgdsl"), "hello");
        using var network = nn.Linear(2, 2);

        var error = Assert.Throws<ModelFileException>(() => ModelFile.Read(temp.File("x.imgdsl"), TestSpecs.Digits(), network));

        Assert.Contains("is not an ImageDsl model file", error.Message);
    }

    [Fact]
    public void A_failed_save_leaves_the_previous_file_intact()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.File("m.imgdsl");
        using var network = nn.Linear(2, 2);
        ModelFile.Write(path, TestSpecs.Digits(), Normalization.Default(1), network);
        var before = File.ReadAllBytes(path);

        // A module that throws while its weights are written, like a crash mid-save.
        using var broken = new ThrowingModule();
        Assert.ThrowsAny<Exception>(() => ModelFile.Write(path, TestSpecs.Digits(), Normalization.Default(1), broken));

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(temp.Path));
    }

    private sealed class ThrowingModule : nn.Module
    {
        public ThrowingModule() : base("throwing") { }

        public override Dictionary<string, Tensor> state_dict(Dictionary<string, Tensor>? destination = null, string? prefix = null) =>
            throw new IOException("disk full");
    }
}
