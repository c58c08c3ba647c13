using Microsoft.CodeAnalysis;

namespace ImageDsl.Generators.Diagnostics;

/// <summary>
/// Every diagnostic ImageDsl reports, in one catalogue. Each is an error: the generator writes
/// nothing for a spec that has one, so the code would not work anyway. IDs and categories are
/// literal constants because release tracking (RS2008) reads them from this file; each help
/// link points at the ID's section of <c>docs/diagnostics.md</c>.
/// </summary>
internal static class DiagnosticDescriptors
{
    public const string SpecCategory = "ImageDsl.Spec";
    public const string InputCategory = "ImageDsl.Input";
    public const string TargetsCategory = "ImageDsl.Targets";
    public const string TrainingCategory = "ImageDsl.Training";
    public const string NamingCategory = "ImageDsl.Naming";

    private const string HelpLink = "https://github.com/imagedsl/imagedsl/blob/main/docs/diagnostics.md#";

    public static readonly DiagnosticDescriptor NotPartial = new(
        id: "IMGDSL0001",
        title: "Spec class must be partial",
        messageFormat: "'{0}' must be declared partial so the ImageDsl generator can add the model to it",
        category: SpecCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The generator adds its members to the class marked [ImageModel] and to every type containing it, so each of their declarations needs the partial modifier.",
        helpLinkUri: HelpLink + "imgdsl0001");

    public static readonly DiagnosticDescriptor NoTargets = new(
        id: "IMGDSL0002",
        title: "Spec declares no target",
        messageFormat: "'{0}' declares no target: mark an enum property with [Labels] or a float or double property with [Range]",
        category: TargetsCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A model predicts its spec's targets; a spec without a [Labels] or [Range] property has nothing to predict.",
        helpLinkUri: HelpLink + "imgdsl0002");

    public static readonly DiagnosticDescriptor InvalidRange = new(
        id: "IMGDSL0003",
        title: "Invalid range",
        messageFormat: "'{0}' is declared with Range({1}, {2}): the minimum must be less than the maximum, and both finite",
        category: TargetsCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A range target is scaled from [min, max] into a unit interval for training, which needs finite bounds with min < max.",
        helpLinkUri: HelpLink + "imgdsl0003");

    public static readonly DiagnosticDescriptor UnsupportedTargetType = new(
        id: "IMGDSL0004",
        title: "Unsupported target type",
        messageFormat: "'{0}' has type '{1}', but a [{2}] target must be {3}",
        category: TargetsCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A [Labels] property must have an enum type (not nullable); a [Range] property must be float or double (not nullable).",
        helpLinkUri: HelpLink + "imgdsl0004");

    public static readonly DiagnosticDescriptor TooFewLabels = new(
        id: "IMGDSL0005",
        title: "Label enum needs at least two members",
        messageFormat: "The label enum '{0}' of '{1}' has {2}, but a classification needs at least two labels",
        category: TargetsCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Each member of a [Labels] enum is one class the model chooses between; with fewer than two there is no choice to learn.",
        helpLinkUri: HelpLink + "imgdsl0005");

    public static readonly DiagnosticDescriptor InvalidImageSize = new(
        id: "IMGDSL0006",
        title: "Invalid input size",
        messageFormat: "{0} = {1} is outside the supported range {2} to {3} pixels",
        category: InputCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The SmallCnn backbone halves the image three times, so Width and Height must be at least 8; above 4096 pixels a side the decoded images do not fit in memory.",
        helpLinkUri: HelpLink + "imgdsl0006");

    public static readonly DiagnosticDescriptor InvalidChannels = new(
        id: "IMGDSL0007",
        title: "Invalid channel count",
        messageFormat: "Channels = {0} is not supported: use 1 (grayscale) or 3 (RGB)",
        category: InputCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Images are converted to grayscale (1 channel) or RGB (3 channels) when they are loaded.",
        helpLinkUri: HelpLink + "imgdsl0007");

    public static readonly DiagnosticDescriptor MemberAlreadyDeclared = new(
        id: "IMGDSL0008",
        title: "Generated member name already declared",
        messageFormat: "The ImageDsl generator needs to declare '{0}' in '{1}', but '{2}' already declares a member with that name",
        category: NamingCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The generator adds Spec, Model, Network, Prediction, Evaluation, LoadDataset, LoadCsv and, for each label target X, XLabels and XLabelArray to the spec class; the spec class and its base classes must leave those names free.",
        helpLinkUri: HelpLink + "imgdsl0008");

    public static readonly DiagnosticDescriptor BothLabelsAndRange = new(
        id: "IMGDSL0009",
        title: "Property has both [Labels] and [Range]",
        messageFormat: "'{0}' is marked with both [Labels] and [Range], but a target is either a classification or a regression",
        category: TargetsCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "[Labels] makes a property a classification target and [Range] a regression target; a property can only be one of them.",
        helpLinkUri: HelpLink + "imgdsl0009");

    public static readonly DiagnosticDescriptor UnsupportedSpecClass = new(
        id: "IMGDSL0010",
        title: "Unsupported spec class",
        messageFormat: "'{0}' {1}, but an image model spec must be a non-generic, non-static class that is not file-local and does not derive from another spec",
        category: SpecCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The generated Model is an ImageModel<TSpec, Prediction> whose samples are instances of the spec class, so the spec class must be a closed, instantiable type; a file-local class cannot have a generated part in another file.",
        helpLinkUri: HelpLink + "imgdsl0010");

    public static readonly DiagnosticDescriptor InvalidLossWeight = new(
        id: "IMGDSL0011",
        title: "Invalid loss weight",
        messageFormat: "LossWeight of '{0}' is {1}, but it must be a positive finite number",
        category: TrainingCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A target's loss is multiplied by its LossWeight before the losses are summed; zero, negative, infinite or NaN weights would switch a target off, reverse its training or break it.",
        helpLinkUri: HelpLink + "imgdsl0011");

    public static readonly DiagnosticDescriptor InvalidLabelSmoothing = new(
        id: "IMGDSL0012",
        title: "Invalid label smoothing",
        messageFormat: "LabelSmoothing of '{0}' is {1}, but it must be at least 0 and less than 1",
        category: TrainingCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Label smoothing moves that fraction of each target's probability onto the other labels; 1 or more would leave nothing on the true label.",
        helpLinkUri: HelpLink + "imgdsl0012");

    public static readonly DiagnosticDescriptor TargetWithoutGetter = new(
        id: "IMGDSL0013",
        title: "Target property has no getter",
        messageFormat: "Target property '{0}' has no getter, but the generated model reads each target's value through it",
        category: TargetsCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Model.CreateDataset encodes the typed labels of each sample by reading its target properties.",
        helpLinkUri: HelpLink + "imgdsl0013");

    public static readonly DiagnosticDescriptor UnsupportedTargetProperty = new(
        id: "IMGDSL0014",
        title: "Target must be an instance property",
        messageFormat: "Target property '{0}' is {1}, but a target must be an ordinary instance property",
        category: TargetsCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Each instance of the spec class holds one image's targets, so targets are instance properties; static properties, indexers and explicit interface implementations cannot be read per sample by name.",
        helpLinkUri: HelpLink + "imgdsl0014");

    public static readonly DiagnosticDescriptor DuplicateLabelValues = new(
        id: "IMGDSL0015",
        title: "Label enum members share a value",
        messageFormat: "The label enum '{0}' gives '{1}' and '{2}' the same value {3}, but each label needs its own value",
        category: TargetsCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Labels are told apart by their enum values; two members with one value would be the same label under two names.",
        helpLinkUri: HelpLink + "imgdsl0015");

    public static readonly DiagnosticDescriptor InvalidHuberDelta = new(
        id: "IMGDSL0016",
        title: "Invalid Huber delta",
        messageFormat: "HuberDelta of '{0}' is {1}, but it must be a positive finite number",
        category: TrainingCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The Huber loss is quadratic for errors below HuberDelta and linear above it, which needs a positive finite delta.",
        helpLinkUri: HelpLink + "imgdsl0016");

    public static readonly DiagnosticDescriptor UnknownEnumValue = new(
        id: "IMGDSL0017",
        title: "Unknown enum value",
        messageFormat: "{0} = {1} is not a member of '{2}'",
        category: SpecCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Backbone and Loss select runtime implementations by their enum members; a cast number that names no member has no implementation.",
        helpLinkUri: HelpLink + "imgdsl0017");

    public static readonly DiagnosticDescriptor NameConflict = new(
        id: "IMGDSL0018",
        title: "Name conflicts with generated code",
        messageFormat: "The name '{0}' conflicts with the generated '{1}'; rename it",
        category: NamingCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The spec class may not be named like a member the generator adds to it, and the targets' names become members of the generated Prediction and Evaluation types, where they may not collide with each other or with those types' own members.",
        helpLinkUri: HelpLink + "imgdsl0018");

    public static readonly DiagnosticDescriptor EmptyColumn = new(
        id: "IMGDSL0019",
        title: "Empty column name",
        messageFormat: "Column of '{0}' is empty: name the CSV column, or omit Column to use the property name",
        category: TargetsCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Datasets read each target from the CSV column named by Column; an empty name matches no column.",
        helpLinkUri: HelpLink + "imgdsl0019");
}
