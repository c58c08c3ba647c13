using System.Text.Json;
using ImageDsl.Data;
using ImageDsl.Modeling;
using ImageDsl.Specs;
using ImageDsl.Tests.Kinds;
using static TorchSharp.torch;

namespace ImageDsl.Tests.Modeling;

/// <summary>Tolerances are saved with the spec, read back, and do not stop a model loading under another tolerance.</summary>
public class ToleranceModelFileTests
{
    private static double?[] Tolerances(ModelSpec spec) => spec.Targets.Select(t => t switch
    {
        RangeTargetSpec r => r.Tolerance,
        PeriodicTargetSpec p => p.Tolerance,
        ValueTargetSpec v => v.Tolerance,
        VectorTargetSpec v => v.Tolerance,
        _ => throw new InvalidOperationException(t.Name),
    }).ToArray();

    [Fact]
    public void A_saved_model_reads_back_every_tolerance()
    {
        using var temp = new TemporaryDirectory();
        using var network = nn.Linear(2, 2);
        ModelFile.Write(temp.File("m.imgdsl"), ToleranceKinds.Spec, Normalization.Default(1), network);

        var header = ModelFile.ReadHeader(temp.File("m.imgdsl"));

        Assert.Equal([10, 3, 0.5, 1.5, 2], Tolerances(header.Spec));
        Assert.Empty(ModelFile.Differences(header.Spec, ToleranceKinds.Spec));
        ModelFile.Read(temp.File("m.imgdsl"), ToleranceKinds.Spec, network);
    }

    [Fact]
    public void A_model_saved_with_one_tolerance_loads_under_another_or_none()
    {
        using var temp = new TemporaryDirectory();
        using var network = nn.Linear(2, 2);
        ModelFile.Write(temp.File("m.imgdsl"), ToleranceKinds.Spec, Normalization.Default(1), network);
        var targets = ToleranceKinds.Spec.Targets.ToArray();
        var other = ToleranceKinds.Spec with
        {
            Targets = [((RangeTargetSpec)targets[0]) with { Tolerance = 5 }, ((PeriodicTargetSpec)targets[1]) with { Tolerance = null }, .. targets[2..]],
        };

        ModelFile.Read(temp.File("m.imgdsl"), other, network);
        // Anything else that differs is still a difference.
        var moved = other with { Targets = [((RangeTargetSpec)targets[0]) with { Min = -90 }, .. targets[1..]] };
        Assert.Equal(["spec.targets[0].min: the file has -45, this model declares -90"], ModelFile.Differences(ToleranceKinds.Spec, moved));
    }

    [Fact]
    public void A_spec_saved_before_tolerances_reads_as_none()
    {
        var json = JsonSerializer.Serialize(ToleranceKinds.Spec, ModelFile.Json);
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        foreach (var target in node["targets"]!.AsArray()) Assert.True(target!.AsObject().Remove("tolerance"));
        var before = node.ToJsonString();
        Assert.DoesNotContain("tolerance", before);

        var spec = JsonSerializer.Deserialize<ModelSpec>(before, ModelFile.Json)!;

        Assert.All(Tolerances(spec), t => Assert.Null(t));
        Assert.Equal([10, 3, 0.5, 1.5, 2], Tolerances(JsonSerializer.Deserialize<ModelSpec>(json, ModelFile.Json)!));
    }
}
