using ImageDsl.Data;
using ImageDsl.Evaluation;
using ImageDsl.Tests.Networks;

namespace ImageDsl.Tests.Tuning;

/// <summary>The bundled digits (in the repository, so these tests need nothing else) at SmallCnn's 28x28.</summary>
internal static class TuningData
{
    public static readonly Specs.ModelSpec Spec = TestSpecs.Digits("Tests.Tuning.Digits");

    public static ImageDataset Training(int count) => ImageDataset.Load(Spec, RepositoryPaths.BundledData("digits", "train")).Sample(count, seed: 3);

    public static ImageDataset Test(int count) => ImageDataset.Load(Spec, RepositoryPaths.BundledData("digits", "test")).Sample(count, seed: 4);

    public static double Accuracy(HandWrittenModel model, ImageDataset data) =>
        ((ClassificationEvaluation)model.Evaluate(data).Targets[0]).Metrics.Accuracy!.Value;
}
