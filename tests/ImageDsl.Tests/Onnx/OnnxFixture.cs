using System.Globalization;
using ImageDsl.Data;
using ImageDsl.Images;
using ImageDsl.Modeling;
using ImageDsl.Specs;
using ImageDsl.Tests.EndToEnd;
using ImageDsl.Training;
using static TorchSharp.torch;

namespace ImageDsl.Tests.Onnx;

/// <summary>Bundled rotation images with both their digit (from the file name) and their angle.</summary>
internal static class OnnxSamples
{
    public static IReadOnlyList<(string Path, Digit Digit, double Angle)> Load(int count) =>
        File.ReadLines(RepositoryPaths.BundledData("rotation", "train", "labels.csv")).Skip(1)
            .Select(line => line.Split(','))
            .Select(cells => (Path: RepositoryPaths.BundledData("rotation", "train", cells[0]),
                Digit: (Digit)(Path.GetFileName(cells[0])[0] - '0'),
                Angle: double.Parse(cells[1], CultureInfo.InvariantCulture)))
            .Where((_, i) => i % 50 == 0) // spread over the digits, which the file is sorted by
            .Take(count)
            .ToList();

    /// <summary>Images decoded as the spec's input, stacked [N, C, H, W] as bytes.</summary>
    public static byte[] Decode(InputSpec input, IEnumerable<string> paths)
    {
        var list = paths.ToList();
        var bytes = new byte[list.Count * input.Size];
        for (int i = 0; i < list.Count; i++) ImageLoader.Decode(list[i], input, bytes.AsSpan(i * input.Size, input.Size));
        return bytes;
    }
}

/// <summary>
/// Each ONNX test spec trained for two steps (so batch norm's running statistics and all weights
/// have moved from their initial values) and exported once, in a temporary folder.
/// </summary>
public sealed class OnnxFixture : IDisposable
{
    /// <summary>The collection sharing this fixture: it trains five models, once.</summary>
    public const string Collection = "Onnx";

    private readonly TemporaryDirectory folder = new();

    public OnnxFixture()
    {
        var samples = OnnxSamples.Load(16);
        var options = new TrainingOptions { Epochs = 1, BatchSize = 8, Seed = 3 };

        Labels = OnnxLabels.Model.Create(seed: 1);
        Labels.Train(Labels.CreateDataset(samples.Select(s => (s.Path, new OnnxLabels { Digit = s.Digit }))), options);
        Range = OnnxRange.Model.Create(seed: 2);
        Range.Train(Range.CreateDataset(samples.Select(s => (s.Path, new OnnxRange { Angle = (float)s.Angle }))), options);
        Mixed = OnnxMixed.Model.Create(seed: 3);
        Mixed.Train(Mixed.CreateDataset(samples.Select(s => (s.Path, new OnnxMixed { Digit = s.Digit, RotationAngle = s.Angle }))), options);
        Locator = OnnxLocator.Model.Create(seed: 4);
        Locator.Train(Locator.CreateDataset(samples.Select(s => (s.Path, new OnnxLocator { Digit = s.Digit, Box = SyntheticBox(s.Digit, s.Angle, 28) }))), options);
        EveryKind = OnnxEveryKind.Model.Create(seed: 5);
        EveryKind.Train(EveryKind.CreateDataset(samples.Select(s => (s.Path, EveryKindOf(s.Digit, s.Angle)))), options);
        // Two steps leave the heading head near (0, 0), where no two float implementations agree on
        // an angle; a trained one predicts points near the unit circle, as it is made to here.
        using (NewDisposeScope())
        {
            var input = EveryKind.Spec.Input;
            var bytes = OnnxSamples.Decode(input, samples.Select(s => s.Path));
            var outputs = EveryKind.RunNetwork(EveryKind.Normalization.Apply(tensor(bytes, [samples.Count, input.Channels, input.Height, input.Width], ScalarType.Byte)));
            var heading = (TorchSharp.Modules.Linear)EveryKind.Network.named_children().Single(c => c.name == "heading").module;
            OnnxMatrix.PlaceOnCircle(heading, outputs[EveryKind.Spec.Targets.ToList().FindIndex(t => t.Name == "Heading")], seed: 5);
        }

        foreach (var (name, model) in Models) model.ExportOnnx(Onnx(name));
        Images = samples.Select(s => s.Path).Take(8).ToList();
    }

    public OnnxLabels.Model Labels { get; }
    public OnnxRange.Model Range { get; }
    public OnnxMixed.Model Mixed { get; }
    public OnnxLocator.Model Locator { get; }
    public OnnxEveryKind.Model EveryKind { get; }

    /// <summary>A made-up box that varies with the digit and the angle, inside a <paramref name="side"/>-pixel image.</summary>
    private static BoundingBox SyntheticBox(Digit digit, double angle, int side) =>
        new(1 + (int)digit * side / 20f, 2 + (float)Math.Abs(angle) / 10, side / 2f, side / 3f + (int)digit * 0.5f);

    /// <summary>Every kind's value, made up from the digit and the angle (standardized ones far from 0 and 1, so their statistics matter).</summary>
    private static OnnxEveryKind EveryKindOf(Digit digit, double angle)
    {
        int d = (int)digit;
        return new OnnxEveryKind
        {
            Digit = digit,
            IsEven = d % 2 == 0,
            Tags = (d % 2 == 0 ? OnnxTags.Even : 0) | (d >= 5 ? OnnxTags.Big : 0) | (d is 0 or 6 or 8 or 9 ? OnnxTags.Loop : 0),
            Heading = (float)((angle * 4 + 360) % 360),
            Depth = 50 + angle / 3 + d,
            Corners = [1 + d * 0.5f, 2, 12, 13 - d * 0.3f],
            Center = new OnnxPoint(-8 + d, (float)angle / 5),
            Box = SyntheticBox(digit, angle, 16),
        };
    }

    /// <summary>Eight images the comparisons run on.</summary>
    public IReadOnlyList<string> Images { get; }

    /// <summary>The exported file of the model named <paramref name="name"/>.</summary>
    public string Onnx(string name) => folder.File(name + ".onnx");

    /// <summary>The models by name, as the untyped view the comparisons need.</summary>
    public IEnumerable<(string Name, IOnnxComparable Model)> Models =>
    [
        ("labels", new Comparable<OnnxLabels, OnnxLabels.Prediction>(Labels)),
        ("range", new Comparable<OnnxRange, OnnxRange.Prediction>(Range)),
        ("mixed", new Comparable<OnnxMixed, OnnxMixed.Prediction>(Mixed)),
        ("locator", new Comparable<OnnxLocator, OnnxLocator.Prediction>(Locator)),
        ("every-kind", new Comparable<OnnxEveryKind, OnnxEveryKind.Prediction>(EveryKind)),
    ];

    public void Dispose()
    {
        Labels.Dispose();
        Range.Dispose();
        Mixed.Dispose();
        Locator.Dispose();
        EveryKind.Dispose();
        folder.Dispose();
    }
}

/// <summary>What the comparisons need of a model, whatever its spec.</summary>
public interface IOnnxComparable
{
    ModelSpec Spec { get; }

    void ExportOnnx(string path);

    /// <summary>TorchSharp's decoded outputs (probabilities, values in user units), [target][image][value].</summary>
    float[][][] TorchOutputs(byte[] images, int count);
}

internal sealed class Comparable<TLabels, TPrediction>(ImageModel<TLabels, TPrediction> model) : IOnnxComparable
{
    public ModelSpec Spec => model.Spec;

    public void ExportOnnx(string path) => model.ExportOnnx(path);

    public float[][][] TorchOutputs(byte[] images, int count)
    {
        using var scope = NewDisposeScope();
        var input = Spec.Input;
        var batch = tensor(images, [count, input.Channels, input.Height, input.Width], ScalarType.Byte);
        var decoded = model.DecodeOutputs(model.RunNetwork(model.Normalization.Apply(batch)));
        return Enumerable.Range(0, Spec.Targets.Count).Select(t => decoded.Select(d => d.Decoded(t)).ToArray()).ToArray();
    }
}

/// <summary>
/// Runs alone, after the parallel tests: training and seeding use TorchSharp's process-wide random
/// generator, and tests that check bit-for-bit reproducibility (a resumed checkpoint) must not
/// have it drawn from or reseeded under them.
/// </summary>
[CollectionDefinition(OnnxFixture.Collection, DisableParallelization = true)]
public sealed class OnnxCollection : ICollectionFixture<OnnxFixture>;
