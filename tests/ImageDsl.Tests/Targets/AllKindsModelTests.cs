using ImageDsl.Evaluation;
using ImageDsl.Modeling;
using ImageDsl.Training;

namespace ImageDsl.Tests.Targets;

/// <summary>A model with every target kind trains, evaluates, reports, predicts typed values, saves and loads.</summary>
public class AllKindsModelTests
{
    [Fact]
    public void Trains_evaluates_reports_predicts_saves_and_loads_every_kind()
    {
        using var temp = new TemporaryDirectory();
        FixtureData.WriteAllKinds(temp.Path, 48);
        var data = AllKinds.LoadDataset(temp.Path);
        using var model = AllKinds.Model.Create(seed: 3);

        var history = model.Train(data, new TrainingOptions { Epochs = 2, BatchSize = 16, Augmentation = new Augmentation { Brightness = 0.1 } });
        var evaluation = model.Evaluate(data);

        Assert.All(history.Epochs, e => Assert.True(double.IsFinite(e.TrainingLoss)));
        Assert.IsType<ClassificationEvaluation>(evaluation.Species);
        Assert.Equal(48, evaluation.IsDefect.Metrics.Count);
        Assert.Equal(0.6, evaluation.IsDefect.Metrics.Threshold);
        Assert.Equal(["Even", "Big", "Loop"], evaluation.Tags.Metrics.Labels);
        Assert.NotNull(evaluation.Things.Metrics.HammingLoss);
        Assert.InRange(evaluation.Heading.Metrics.MaxError!.Value, 0, 180); // circular: never more than half a turn
        Assert.NotNull(evaluation.Depth.Metrics.Mae);
        Assert.Equal(4, evaluation.Corners.Metrics.PerComponent.Count);
        Assert.Null(evaluation.Center.Metrics.MeanIoU);
        Assert.InRange(evaluation.Box.Metrics.MeanIoU!.Value, 0, 1);

        // Unbounded targets were standardized with the training set's statistics.
        int depth = AllKinds.Spec.EncodedOffset(5);
        Assert.Equal(1029.375f, model.TargetStatistics.Mean[depth], 3); // 1000 + 10 * mean(i % 7) over 48 rows
        Assert.True(model.TargetStatistics.Std[depth] > 10);

        var files = evaluation.WriteReport(Path.Combine(temp.Path, "report"), history);
        var markdown = File.ReadAllText(Path.Combine(temp.Path, "report", "report.md"));
        foreach (var section in new[] { "## Targets", "## IsDefect: binary (ok / defect, threshold 0.6)", "## Tags: multi-label", "## Heading: periodic", "## Box: box (XYWH) (px)", "## Center: vector" })
            Assert.Contains(section, markdown);
        var json = File.ReadAllText(Path.Combine(temp.Path, "report", "report.json"));
        Assert.Contains("\"kind\": \"multilabel\"", json);
        Assert.Contains("\"meanIoU\"", json);
        Assert.Contains(files, f => f.EndsWith("Box-predictions.csv", StringComparison.Ordinal));

        var paths = data.Samples.Take(8).Select(s => s.Path).ToArray();
        var predictions = model.Predict(paths);
        foreach (var p in predictions)
        {
            Assert.Contains(p.Species, AllKinds.SpeciesLabels);
            Assert.Equal(p.IsDefectProbability >= 0.6f, p.IsDefect);
            Assert.Equal(p.TagsProbabilities[FixtureTags.Even] >= 0.5f, p.Tags.HasFlag(FixtureTags.Even));
            Assert.Equal(p.ThingsProbabilities[FixtureThing.Car] >= 0.5f, p.Things.Contains(FixtureThing.Car));
            Assert.InRange(p.Heading, 0f, 360f);
            Assert.InRange(p.Depth, 900, 1200); // in metres, not standard units
            Assert.Equal(4, p.Corners.Length);
            Assert.All(p.Corners, c => Assert.InRange(c, 0f, 16f));
            Assert.InRange(p.Box.X, 0f, 16f);
        }

        model.Save(temp.File("all.imgdsl"));
        using var loaded = AllKinds.Model.Load(temp.File("all.imgdsl"));
        Assert.Equal(model.TargetStatistics, loaded.TargetStatistics);
        var again = loaded.Predict(paths);
        for (int i = 0; i < paths.Length; i++)
        {
            Assert.Equal(predictions[i].Depth, again[i].Depth);
            Assert.Equal(predictions[i].Box, again[i].Box);
            Assert.Equal(predictions[i].Things, again[i].Things);
            Assert.Equal(predictions[i].Tags, again[i].Tags);
        }
    }

    [Fact]
    public void A_format_1_model_file_is_refused_with_a_clear_message()
    {
        using var temp = new TemporaryDirectory();
        // Format 1 had the layout of format 2 (no checksum): the checked-in format-2 file with its version edited.
        var bytes = File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "tests", "ImageDsl.Tests", "Modeling", "Compatibility", "all-kinds.imgdsl"));
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        int at = text.IndexOf("\"formatVersion\": 2", StringComparison.Ordinal);
        Assert.True(at > 0);
        bytes[at + "\"formatVersion\": ".Length] = (byte)'1';
        File.WriteAllBytes(temp.File("old.imgdsl"), bytes);

        var error = Assert.Throws<ModelFileException>(() => AllKinds.Model.Load(temp.File("old.imgdsl")));

        Assert.Contains("saved by an earlier ImageDsl (model file format 1", error.Message);
        Assert.Contains("Train the model again", error.Message);
    }

    [Fact]
    public void Boxes_and_vectors_turn_shift_augmentation_off_but_labels_keep_it()
    {
        Assert.False(AllKinds.Spec.Targets.All(t => t.IsShiftInvariant));
        Assert.True(DefectFolders.Spec.Targets.All(t => t.IsShiftInvariant));
    }
}
