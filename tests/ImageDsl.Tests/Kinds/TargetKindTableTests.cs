using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using ImageDsl.Evaluation;
using ImageDsl.Modeling;
using ImageDsl.Specs;

namespace ImageDsl.Tests.Kinds;

/// <summary>The table of kinds is the one source of each kind's rules, and every part of the runtime agrees with it.</summary>
public class TargetKindTableTests
{
    /// <summary>One target of every kind the runtime has, built the way the generator builds them.</summary>
    public static readonly TargetSpec[] OneOfEach =
    [
        new LabelTargetSpec("Digit", ["Zero", "One", "Two"]),
        new BinaryTargetSpec("IsDefect"),
        new MultiLabelTargetSpec("Tags", ["Even", "Big"]),
        new OrdinalTargetSpec("Severity", ["None", "Minor", "Major"]),
        new RangeTargetSpec("Tilt", -45, 45, unit: "degrees"),
        new PeriodicTargetSpec("Heading", 0, 360, unit: "degrees"),
        new ValueTargetSpec("Depth", unit: "m"),
        new VectorTargetSpec("Corners", ["0", "1"]),
        new VectorTargetSpec("Eyes", ["X0", "Y0"], points: true),
        new VectorTargetSpec("Box", ["X", "Y", "W", "H"], min: 0, max: 16, box: BoxFormat.XYWH),
        new MapTargetSpec("DepthMap", 8, 6, log: true, unit: "m", scale: 0.001, invalidValue: 0),
        new MaskTargetSpec("Parts", 8, 6, ["Sky", "Ground", "Ball"], ignoreLabel: 255, classWeights: [1, 2, 1]),
    ];

    [Fact]
    public void Every_kind_of_the_table_has_a_target_and_every_target_a_kind_of_the_table()
    {
        Assert.Equal(TargetKinds.All.Select(k => k.Id).Order(), OneOfEach.Select(t => t.KindName).Order());
        foreach (var target in OneOfEach) Assert.Same(TargetKinds.Find(target.KindName), target.Kind);
    }

    [Fact]
    public void Every_concrete_target_type_is_in_the_file_format_and_stored_under_its_kind_id()
    {
        var concrete = typeof(TargetSpec).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(TargetSpec)) && !t.IsAbstract).ToArray();
        Assert.Equal(concrete.OrderBy(t => t.Name), StoredTargets.All.Select(s => s.Type).OrderBy(t => t.Name));
        Assert.All(StoredTargets.All, s => Assert.NotNull(TargetKinds.Find(s.Id)));
        foreach (var target in OneOfEach)
        {
            var json = JsonSerializer.Serialize<TargetSpec>(target, ModelFile.Json);
            var stored = JsonDocument.Parse(json).RootElement.GetProperty("kind").GetString();
            // Boxes and points are vectors with a flag in the file, as they always were.
            Assert.Equal(target is VectorTargetSpec ? "vector" : target.KindName, stored);
            Assert.Equal(json, JsonSerializer.Serialize(JsonSerializer.Deserialize<TargetSpec>(json, ModelFile.Json)!, ModelFile.Json));
        }
    }

    [Fact]
    public void Each_kind_s_defaults_are_among_what_it_allows()
    {
        foreach (var kind in TargetKinds.All)
        {
            Assert.NotEmpty(kind.Losses);
            Assert.DoesNotContain(LossFunction.Default, kind.Losses);
            Assert.All(kind.DefaultMetrics, m => Assert.Contains(m, kind.Metrics));
            Assert.Equal(kind.Losses[0], kind.Resolve(LossFunction.Default));
        }
        Assert.Equal(TargetKinds.All.Length, TargetKinds.All.Select(k => k.Id).Distinct().Count());
    }

    [Fact]
    public void Every_metric_a_kind_allows_is_one_its_evaluation_reports()
    {
        var spec = new ModelSpec("Tests.EveryKind", new InputSpec(8, 8, 1), Backbone.SmallCnn, OneOfEach);
        var statistics = TargetStatistics.Identity(spec.EncodedWidth);
        var scorers = Enumerable.Range(0, spec.Targets.Count).Select(t => TargetScorer.For(spec, t)).ToArray();
        var random = new Random(3);
        for (int image = 0; image < 12; image++)
        {
            // Raw head outputs, decoded as prediction decodes them; truths of every rank and label.
            var outputs = spec.Targets.Select(t => TorchSharp.torch.tensor(Enumerable.Range(0, t.OutputWidth).Select(_ => (float)random.NextDouble() * 2 - 1).ToArray(), [1, t.OutputWidth])).ToArray();
            var decoded = OutputDecoding.Decode(spec, statistics, outputs)[0];
            foreach (var o in outputs) o.Dispose();
            for (int t = 0; t < spec.Targets.Count; t++)
            {
                var truth = new float[spec.Targets[t].EncodedWidth];
                for (int c = 0; c < truth.Length; c++) truth[c] = image % 3 % Math.Max(1, spec.Targets[t] is BinaryTargetSpec or MultiLabelTargetSpec ? 2 : 3) + (spec.Targets[t] is RangeTargetSpec ? 1 : 0);
                if (spec.Targets[t] is BinaryTargetSpec or MultiLabelTargetSpec) truth = truth.Select(v => v > 0 ? 1f : 0f).ToArray();
                scorers[t].Add($"{image}.png", truth, decoded);
            }
        }
        foreach (var evaluation in scorers.Select(s => s.Finish()))
        {
            Assert.Equal(evaluation.Target!.KindName, evaluation.KindName);
            // Built without its target, an evaluation still names a kind of the table.
            Assert.NotNull(TargetKinds.Find((evaluation with { Target = null }).KindName));
            foreach (var metric in evaluation.Target.Kind.Metrics)
                Assert.True(evaluation.Headline(metric) is { } value && double.IsFinite(value), $"{evaluation.Name} ({evaluation.KindName}) reports no {metric}");
        }
    }

    [Fact]
    public void An_unknown_kind_in_a_file_is_refused_by_name()
    {
        var json = JsonSerializer.Serialize<TargetSpec>(OneOfEach[0], ModelFile.Json).Replace($"\"kind\": \"{OneOfEach[0].KindName}\"", "\"kind\": \"heatmap\"");
        var error = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<TargetSpec>(json, ModelFile.Json));
        Assert.Contains("heatmap", error.Message);
    }
}
