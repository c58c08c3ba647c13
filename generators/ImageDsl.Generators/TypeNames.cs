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
    public const string GeneratedCodeAttributeMetadataName = "System.CodeDom.Compiler.GeneratedCodeAttribute";

    // Emitted.
    public const string Backbone = "global::ImageDsl.Backbone";
    public const string RegressionLoss = "global::ImageDsl.RegressionLoss";
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
    public const string DefaultRegressionLoss = "MeanSquaredError";
    public const double DefaultLossWeight = 1.0;
    public const double DefaultLabelSmoothing = 0.0;
    public const double DefaultHuberDelta = 1.0;
}
