using System.Text.Json;
using ImageDsl.Tests.Targets;
using ImageDsl.Training;

namespace ImageDsl.Tests.Modeling;

/// <summary>
/// A model file saved by an earlier version of ImageDsl (format 2, before target kinds became
/// descriptors) still loads and predicts exactly what it predicted when it was saved. The files in
/// <c>Compatibility/</c> were written by <see cref="Write"/> on that version; they are never rewritten.
/// </summary>
public class ModelFileCompatibilityTests
{
    private static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "ImageDsl.Tests", "Modeling", "Compatibility");

    [Fact]
    public void A_file_saved_by_the_format_2_code_loads_and_predicts_what_it_predicted_then()
    {
        var expected = JsonSerializer.Deserialize<Dictionary<string, float[][]>>(File.ReadAllText(Path.Combine(Folder, "all-kinds.expected.json")))!;
        using var model = CompatibleKinds.Model.Load(Path.Combine(Folder, "all-kinds.imgdsl"));

        foreach (var (image, outputs) in expected)
        {
            var actual = Outputs(model.Predict(Path.Combine(Folder, image)));
            Assert.Equal(outputs.Length, actual.Length);
            for (int t = 0; t < outputs.Length; t++)
            {
                Assert.Equal(outputs[t].Length, actual[t].Length);
                for (int i = 0; i < outputs[t].Length; i++) Assert.Equal(outputs[t][i], actual[t][i], 1e-5f);
            }
        }
    }

    /// <summary>
    /// How the fixture was written, once, by the format-2 code (commit 685cf87 plus this file, from a
    /// test calling this method). Not a test: rewriting the fixture with newer code would prove nothing.
    /// </summary>
    internal static void Write()
    {
        Directory.CreateDirectory(Folder);
        using var temp = new TemporaryDirectory();
        var manifest = FixtureData.WriteAllKinds(temp.Path, 32);
        var lines = File.ReadAllLines(manifest);
        File.WriteAllLines(manifest, lines.Select((line, i) => line + "," + (i == 0 ? "Size" : line.Split(',')[^2])));
        var data = CompatibleKinds.LoadDataset(temp.Path);
        using var model = CompatibleKinds.Model.Create(seed: 11);
        model.Train(data, new TrainingOptions { Epochs = 1, BatchSize = 16 });
        model.Save(Path.Combine(Folder, "all-kinds.imgdsl"));

        var expected = new Dictionary<string, float[][]>();
        foreach (var sample in data.Samples.Take(4))
        {
            var name = Path.GetFileName(sample.Path);
            File.Copy(sample.Path, Path.Combine(Folder, name), overwrite: true);
            expected[name] = Outputs(model.Predict(sample.Path));
        }
        File.WriteAllText(Path.Combine(Folder, "all-kinds.expected.json"), JsonSerializer.Serialize(expected));
    }

    /// <summary>Every typed value of a prediction as floats, per target.</summary>
    private static float[][] Outputs(CompatibleKinds.Prediction p) =>
    [
        [CompatibleKinds.SpeciesLabels.ToList().IndexOf(p.Species), .. p.SpeciesProbabilities.Values],
        [p.IsDefect ? 1 : 0, p.IsDefectProbability],
        [(float)p.Tags, .. p.TagsProbabilities.Values],
        [p.Things.Count, .. p.ThingsProbabilities.Values],
        [p.Heading],
        [(float)p.Depth],
        p.Corners,
        [p.Center.X, p.Center.Y],
        [p.Box.X, p.Box.Y, p.Box.W, p.Box.H],
        [p.Size],
    ];
}

/// <summary>Every target kind of format 2, on a tiny PlainCnn so the checked-in file stays small.</summary>
[ImageModel(Width = 16, Height = 16, Channels = 1, Backbone = Backbone.PlainCnn, BackboneBlocks = 2, BackboneWidth = 4)]
public partial class CompatibleKinds
{
    /// <summary>Multi-class from a listed label set.</summary>
    [Labels("cat", "dog")] public string Species { get; init; } = "cat";

    /// <summary>Binary with named labels and a threshold.</summary>
    [Labels("ok", "defect", Threshold = 0.6)] public bool IsDefect { get; init; }

    /// <summary>Multi-label from a [Flags] enum.</summary>
    [Labels] public FixtureTags Tags { get; init; }

    /// <summary>Multi-label from a set.</summary>
    [Labels] public IReadOnlySet<FixtureThing> Things { get; init; } = new HashSet<FixtureThing>();

    /// <summary>Periodic.</summary>
    [Range(0, 360, Periodic = true, Unit = "degrees")] public float Heading { get; init; }

    /// <summary>Unbounded, standardized.</summary>
    [Value(Unit = "m")] public double Depth { get; init; }

    /// <summary>A bounded array vector.</summary>
    [Vector(Length = 4, Min = 0, Max = 16)] public float[] Corners { get; init; } = new float[4];

    /// <summary>An unbounded record vector.</summary>
    [Vector(Columns = new[] { "cx", "cy" })] public FixturePoint Center { get; init; }

    /// <summary>A box.</summary>
    [Box(BoxFormat.XYWH, Min = 0, Max = 16)] public BoundingBox Box { get; init; }

    /// <summary>A bounded range, the box's width again, in its own column.</summary>
    [Range(0, 16)] public float Size { get; init; }
}
