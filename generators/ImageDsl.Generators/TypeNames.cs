namespace ImageDsl.Generators;

/// <summary>
/// The runtime names the generator matches or emits outside the kinds: renaming a runtime type
/// is one edit here, or in the one kind's model that uses it (each kind keeps its own names, its
/// reader the name of its attribute). Emitted names are always <c>global::</c>-qualified so no
/// user type or namespace can capture them.
/// </summary>
internal static class TypeNames
{
    // Matched (by metadata name) in user code.
    public const string RuntimeNamespace = "ImageDsl";
    public const string ImageModelAttributeMetadataName = "ImageDsl.ImageModelAttribute";
    public const string ImageModelAttributeName = "ImageModelAttribute";
    public const string AugmentAttributeName = "AugmentAttribute";
    public const string FlagsAttributeMetadataName = "System.FlagsAttribute";
    public const string GeneratedCodeAttributeMetadataName = "System.CodeDom.Compiler.GeneratedCodeAttribute";

    // Emitted.
    public const string Backbone = "global::ImageDsl.Backbone";
    public const string LossFunction = "global::ImageDsl.LossFunction";
    public const string Metric = "global::ImageDsl.Metric";
    public const string SpecNetwork = "global::ImageDsl.Networks.SpecNetwork";
    public const string ReadOnlySpan = "global::System.ReadOnlySpan";
    public const string LabelBinding = "global::ImageDsl.Binding.LabelBinding";
    public const string DatasetReader = "global::ImageDsl.Binding.DatasetReader";
    public const string HashSet = "global::System.Collections.Generic.HashSet";
    public const string ArgumentException = "global::System.ArgumentException";
    public const string Enumerable = "global::System.Linq.Enumerable";
    public const string ModelSpec = "global::ImageDsl.Specs.ModelSpec";
    public const string ExplainTarget = "global::ImageDsl.Explanations.ExplainTarget";
    public const string InputSpec = "global::ImageDsl.Specs.InputSpec";
    public const string TargetSpec = "global::ImageDsl.Specs.TargetSpec";
    public const string ImageDataset = "global::ImageDsl.Data.ImageDataset";
    public const string TestTimeAugmentation = "global::ImageDsl.Modeling.TestTimeAugmentation";
    public const string DatasetOptions = "global::ImageDsl.Data.DatasetOptions";
    public const string ImageModel = "global::ImageDsl.Modeling.ImageModel";
    public const string LabelProbabilities = "global::ImageDsl.Modeling.LabelProbabilities";
    public const string PredictionOutputs = "global::ImageDsl.Modeling.PredictionOutputs";
    public const string EvaluationResult = "global::ImageDsl.Evaluation.EvaluationResult";
    public const string TrainingHistory = "global::ImageDsl.Training.TrainingHistory";
    public const string ReportOptions = "global::ImageDsl.Reports.ReportOptions";
    public const string Augmentation = "global::ImageDsl.Training.Augmentation";
    public const string OnnxImagePredictor = "global::ImageDsl.Onnx.OnnxImagePredictor";
    public const string GeneratedCodeAttribute = "global::System.CodeDom.Compiler.GeneratedCode";
    public const string IReadOnlyList = "global::System.Collections.Generic.IReadOnlyList";
    public const string Span = "global::System.Span";
    public const string ArgumentOutOfRangeException = "global::System.ArgumentOutOfRangeException";

    // Defaults of ImageModelAttribute, RangeAttribute and LabelsAttribute, which metadata cannot tell us.
    public const int DefaultWidth = 224;
    public const int DefaultHeight = 224;
    public const int DefaultChannels = 3;
    public const string DefaultBackbone = "SmallCnn";
    public const string DefaultLoss = "Default";
    public const double DefaultLossWeight = 1.0;
    public const double DefaultLabelSmoothing = 0.0;
    public const double DefaultHuberDelta = 1.0;
    public const double DefaultThreshold = 0.5;
    public const double DefaultPositiveWeight = 1.0;
    public const string DefaultBoxFormat = "XYWH";
}
