using ImageDsl.Specs;

namespace ImageDsl.Benchmarks;

/// <summary>One network and task to measure, on both sides and in PyTorch.</summary>
/// <param name="Name">Short name, also the PyTorch worker's configuration key.</param>
/// <param name="Spec">The spec the model is built for.</param>
/// <param name="Inference">Whether inference is measured too (training alone for the regression variant).</param>
/// <param name="Scale">
/// Work per measurement relative to ResNet-18's, so that every measurement lasts about as
/// long: SmallCnn is some 15 times faster, and a measurement of a few dozen milliseconds is
/// mostly noise on a shared machine.
/// </param>
internal sealed record Workload(string Name, ModelSpec Spec, bool Inference, int Scale = 1)
{
    public const int TrainBatch = 64;
    public const int InferenceBatch = 256;

    public bool IsRegression => Spec.Targets[0] is RangeTargetSpec;

    public int TrainSteps(Effort effort) => effort.TrainSteps * Scale;

    public int InferenceBatches(Effort effort) => effort.InferenceBatches * Scale;

    public int LatencyRepetitions(Effort effort) => effort.LatencyRepetitions * Scale;

    public static IReadOnlyList<Workload> All { get; } =
    [
        new("resnet18-cls", Build("ResNet18Classes", Backbone.ResNet18, new InputSpec(64, 64, 3), Labels()), Inference: true),
        new("resnet18-reg", Build("ResNet18Range", Backbone.ResNet18, new InputSpec(64, 64, 3), new RangeTargetSpec("Angle", -45, 45)), Inference: false),
        new("smallcnn-cls", Build("SmallCnnClasses", Backbone.SmallCnn, new InputSpec(28, 28, 1), Labels()), Inference: true, Scale: 12),
        // torchvision's other families at the same 64x64x3, against the same torchvision models;
        // scaled by their cost relative to ResNet-18's (ResNet-50 costs more: it keeps scale 1).
        new("resnet34-cls", Build("ResNet34Classes", Backbone.ResNet34, new InputSpec(64, 64, 3), Labels()), Inference: true),
        new("resnet50-cls", Build("ResNet50Classes", Backbone.ResNet50, new InputSpec(64, 64, 3), Labels()), Inference: true),
        new("mobilenet_v3_small-cls", Build("MobileNetV3SmallClasses", Backbone.MobileNetV3Small, new InputSpec(64, 64, 3), Labels()), Inference: true, Scale: 6),
        new("mobilenet_v3_large-cls", Build("MobileNetV3LargeClasses", Backbone.MobileNetV3Large, new InputSpec(64, 64, 3), Labels()), Inference: true, Scale: 3),
        new("efficientnet_b0-cls", Build("EfficientNetB0Classes", Backbone.EfficientNetB0, new InputSpec(64, 64, 3), Labels()), Inference: true, Scale: 2),
    ];

    private static LabelTargetSpec Labels() => new("Digit", Enumerable.Range(0, 10).Select(i => $"C{i}").ToArray());

    private static ModelSpec Build(string name, Backbone backbone, InputSpec input, TargetSpec target) =>
        new($"Benchmarks.{name}", input, backbone, [target]);
}
