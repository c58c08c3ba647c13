using System.Text.Json;
using ImageDsl.Modeling;
using ImageDsl.Specs;

namespace ImageDsl.Tests.Kinds;

/// <summary>
/// The spec's build-time generated JSON (what the ONNX predictor reads, so an ONNX-only app
/// publishes NativeAOT) writes and reads exactly what the reflection-based model-file settings do.
/// </summary>
public class SpecJsonTests
{
    public static TheoryData<string> Kinds() => [.. TargetKindTableTests.OneOfEach.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Generated_spec_json_writes_and_reads_what_the_model_file_settings_do(string target)
    {
        var declared = TargetKindTableTests.OneOfEach.Single(t => t.Name == target);
        // Non-default shared settings too: a flags enum stored as names, a loss weight.
        var changed = declared with { LossWeight = 0.25, Metrics = declared.Kind.Metrics.Take(2).Aggregate(Metric.None, (a, m) => a | m) };
        foreach (var spec in new[]
                 {
                     new ModelSpec("Tests.One", new InputSpec(12, 10, 3), Backbone.SmallCnn, [declared]),
                     new ModelSpec("Tests.Changed", new InputSpec(8, 8, 1), Backbone.PlainCnn, [changed, new LabelTargetSpec("Extra", ["A", "B"])])
                         { BackboneBlocks = 2, BackboneWidth = 8, BackboneGrid = 2 },
                 })
        {
            var json = JsonSerializer.Serialize(spec, ModelFile.Json);
            Assert.Equal(json, JsonSerializer.Serialize(spec, SpecJson.Options));
            var read = SpecJson.Read(json)!;
            Assert.Equal(json, JsonSerializer.Serialize(read, ModelFile.Json));
            Assert.Empty(ModelFile.Differences(read, spec));
        }
    }

    [Fact]
    public void Every_stored_target_type_has_generated_json_metadata()
    {
        foreach (var (type, id) in StoredTargets.All)
            Assert.True(SpecJsonContext.Default.GetTypeInfo(type) is not null, $"{type.Name} ('{id}') is not in SpecJsonContext: add [JsonSerializable(typeof({type.Name}))].");
    }

    [Fact]
    public void A_changed_field_is_still_found_by_name_and_path()
    {
        var saved = new ModelSpec("Tests.Saved", new InputSpec(8, 8, 1), Backbone.SmallCnn, [new RangeTargetSpec("Tilt", -45, 45, unit: "degrees")]);
        var declared = saved with { Targets = [new RangeTargetSpec("Tilt", -30, 45, unit: "degrees")] };
        Assert.Equal(["spec.targets[0].min: the file has -45, this model declares -30"], ModelFile.Differences(saved, declared));
    }
}
