namespace ImageDsl.Generators;

/// <summary>
/// Every runtime name the generator matches or emits, in one place: renaming a runtime type is
/// one edit here. Emitted names are always <c>global::</c>-qualified so no user type or
/// namespace can capture them.
/// </summary>
internal static class TypeNames
{
    // Matched (by metadata name) in user code.
    public const string RuntimeNamespace = "ImageDsl";
    public const string ImageModelAttributeMetadataName = "ImageDsl.ImageModelAttribute";
    public const string ImageModelAttributeName = "ImageModelAttribute";
    public const string LabelsAttributeName = "LabelsAttribute";
    public const string RangeAttributeName = "RangeAttribute";
    public const string ValueAttributeName = "ValueAttribute";
    public const string VectorAttributeName = "VectorAttribute";
    public const string BoxAttributeName = "BoxAttribute";
    public const string OrdinalAttributeName = "OrdinalAttribute";
    public const string AugmentAttributeName = "AugmentAttribute";
    public const string FlagsAttributeMetadataName = "System.FlagsAttribute";
    public const string GeneratedCodeAttributeMetadataName = "System.CodeDom.Compiler.GeneratedCodeAttribute";

    // Emitted.
    public const string Backbone = "global::ImageDsl.Backbone";
    public const string LossFunction = "global::ImageDsl.LossFunction";
    public const string Metric = "global::ImageDsl.Metric";
    public const string BoxFormat = "global::ImageDsl.BoxFormat";
    public const string RotationSense = "global::ImageDsl.RotationSense";
    public const string BinaryTargetSpec = "global::ImageDsl.Specs.BinaryTargetSpec";
    public const string MultiLabelTargetSpec = "global::ImageDsl.Specs.MultiLabelTargetSpec";
    public const string PeriodicTargetSpec = "global::ImageDsl.Specs.PeriodicTargetSpec";
    public const string ValueTargetSpec = "global::ImageDsl.Specs.ValueTargetSpec";
    public const string VectorTargetSpec = "global::ImageDsl.Specs.VectorTargetSpec";
    public const string OrdinalTargetSpec = "global::ImageDsl.Specs.OrdinalTargetSpec";
    public const string OrdinalOutputs = "global::ImageDsl.Specs.OrdinalOutputs";
    public const string OrdinalEvaluation = "global::ImageDsl.Evaluation.OrdinalEvaluation";
    public const string SpecNetwork = "global::ImageDsl.Networks.SpecNetwork";
    public const string ReadOnlySpan = "global::System.ReadOnlySpan";
    public const string BinaryEvaluation = "global::ImageDsl.Evaluation.BinaryEvaluation";
    public const string MultiLabelEvaluation = "global::ImageDsl.Evaluation.MultiLabelEvaluation";
    public const string PeriodicEvaluation = "global::ImageDsl.Evaluation.PeriodicEvaluation";
    public const string VectorEvaluation = "global::ImageDsl.Evaluation.VectorEvaluation";
    public const string LabelBinding = "global::ImageDsl.Binding.LabelBinding";
    public const string CsvCells = "global::ImageDsl.Binding.CsvCells";
    public const string DatasetReader = "global::ImageDsl.Binding.DatasetReader";
    public const string HashSet = "global::System.Collections.Generic.HashSet";
    public const string StringComparison = "global::System.StringComparison";
    public const string ArgumentException = "global::System.ArgumentException";
    public const string Enumerable = "global::System.Linq.Enumerable";
    public const string MaybeNullWhen = "global::System.Diagnostics.CodeAnalysis.MaybeNullWhen";
    public const string ModelSpec = "global::ImageDsl.Specs.ModelSpec";
    public const string InputSpec = "global::ImageDsl.Specs.InputSpec";
    public const string TargetSpec = "global::ImageDsl.Specs.TargetSpec";
    public const string LabelTargetSpec = "global::ImageDsl.Specs.LabelTargetSpec";
    public const string RangeTargetSpec = "global::ImageDsl.Specs.RangeTargetSpec";
    public const string ImageDataset = "global::ImageDsl.Data.ImageDataset";
    public const string ImageModel = "global::ImageDsl.Modeling.ImageModel";
    public const string LabelProbabilities = "global::ImageDsl.Modeling.LabelProbabilities";
    public const string PredictionOutputs = "global::ImageDsl.Modeling.PredictionOutputs";
    public const string EvaluationResult = "global::ImageDsl.Evaluation.EvaluationResult";
    public const string TrainingHistory = "global::ImageDsl.Training.TrainingHistory";
    public const string ReportOptions = "global::ImageDsl.Reports.ReportOptions";
    public const string ClassificationEvaluation = "global::ImageDsl.Evaluation.ClassificationEvaluation";
    public const string RegressionEvaluation = "global::ImageDsl.Evaluation.RegressionEvaluation";
    public const string BackboneModule = "global::ImageDsl.Networks.BackboneModule";
    public const string Backbones = "global::ImageDsl.Networks.Backbones";
    public const string Heads = "global::ImageDsl.Networks.Heads";
    public const string TargetLoss = "global::ImageDsl.Training.TargetLoss";
    public const string Augmentation = "global::ImageDsl.Training.Augmentation";
    public const string OnnxImagePredictor = "global::ImageDsl.Onnx.OnnxImagePredictor";
    public const string Tensor = "global::TorchSharp.torch.Tensor";
    public const string Module = "global::TorchSharp.torch.nn.Module";
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
