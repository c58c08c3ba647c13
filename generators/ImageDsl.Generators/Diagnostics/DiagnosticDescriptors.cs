using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
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

    /// <summary>
    /// Where each diagnostic is explained: docs/diagnostics.md, in the repository and in the
    /// package (docs/ beside the README). Relative, since the project has no public address;
    /// an absolute link to someone else's repository would be worse than none.
    /// </summary>
    public const string HelpLink = "docs/diagnostics.md#";

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
        messageFormat: "'{0}' declares no target: mark a property with [Labels], [Range], [Value], [Vector] or [Box]",
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
        description: "[Labels] takes an enum, a [Flags] enum, a set of an enum, a bool, or a string listing its labels; [Range] and [Value] take float or double; [Vector] a float or double array or a record of them; [Box] a record of four. Nullable types are not supported.",
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
        description: "Width and Height must be positive, and above 4096 pixels a side the decoded images do not fit in memory; how small a side may be depends on the backbone (IMGDSL0038).",
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
        description: "The generator adds Spec, Augmentation, Model, Network, Prediction, Evaluation, LoadDataset, LoadCsv, Binding, OnnxPredictor and, for each label target X, XLabels and XLabelArray to the spec class; the spec class and its base classes must leave those names free.",
        helpLinkUri: HelpLink + "imgdsl0008");

    public static readonly DiagnosticDescriptor TwoTargetAttributes = new(
        id: "IMGDSL0009",
        title: "Property has two target attributes",
        messageFormat: "'{0}' is marked with both [{1}] and [{2}], but a property is one target of one kind",
        category: TargetsCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "[Labels], [Range], [Value], [Vector] and [Box] each make a property a target of their kind; a property can only be one of them.",
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
        description: "Model.CreateDataset and the generated binding encode the typed labels of each sample by reading its target properties.",
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
        messageFormat: "The name '{0}' conflicts with the generated '{1}'; {2}",
        category: NamingCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The spec class may not be named like a member the generator adds to it; the targets' names become members of the generated Prediction and Evaluation types, where they may not collide with each other or with those types' own members; and a target's type written inside the spec class may not start with the name of a type the generator adds there (Model, Network, Prediction, Evaluation, Binding, OnnxPredictor), which would then mean the generated type.",
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

    public const string MetricsCategory = "ImageDsl.Metrics";

    public static readonly DiagnosticDescriptor IncompatibleLoss = new(
        id: "IMGDSL0020",
        title: "Loss does not fit the target kind",
        messageFormat: "Loss = LossFunction.{0} does not fit '{1}', {2} target; use {3}",
        category: TrainingCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Cross-entropy trains multi-class targets, binary cross-entropy bool and multi-label targets, and MSE, MAE, Huber or smooth L1 the regression kinds; any other pairing has no meaning.",
        helpLinkUri: HelpLink + "imgdsl0020");

    public static readonly DiagnosticDescriptor InapplicableMetric = new(
        id: "IMGDSL0021",
        title: "Metric does not apply to the target kind",
        messageFormat: "Metric.{0} does not apply to '{1}', {2} target; it can headline {3}",
        category: MetricsCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Metrics = ... names the figures a target's report headlines; each must be one its kind computes.",
        helpLinkUri: HelpLink + "imgdsl0021");

    public static readonly DiagnosticDescriptor DuplicateLabels = new(
        id: "IMGDSL0022",
        title: "Duplicate label names",
        messageFormat: "'{0}' lists the label '{1}' twice (labels are matched ignoring case)",
        category: TargetsCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Each label is one output of the network and is matched to data ignoring case, so two labels that differ only in case would be one label.",
        helpLinkUri: HelpLink + "imgdsl0022");

    public static readonly DiagnosticDescriptor TooFewListedLabels = new(
        id: "IMGDSL0023",
        title: "Label list empty or too short",
        messageFormat: "'{0}' is a string target listing {1} label(s), but it needs at least two: [Labels(\"cat\", \"dog\")]",
        category: TargetsCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A string target's labels are the ones its [Labels] attribute lists, in order; with fewer than two there is nothing to choose between.",
        helpLinkUri: HelpLink + "imgdsl0023");

    public static readonly DiagnosticDescriptor MissingVectorLength = new(
        id: "IMGDSL0024",
        title: "Vector length missing",
        messageFormat: "'{0}' is an array, so [Vector] must declare its Length (a positive number of components)",
        category: TargetsCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The network has one output per component, fixed when it is built; an array type does not say how many there are.",
        helpLinkUri: HelpLink + "imgdsl0024");

    public static readonly DiagnosticDescriptor VectorLengthMismatch = new(
        id: "IMGDSL0025",
        title: "Vector length mismatch",
        messageFormat: "'{0}' has {1} components, but {2}",
        category: TargetsCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A vector's Length, its Columns and its record's members must agree, and a box has exactly four numbers.",
        helpLinkUri: HelpLink + "imgdsl0025");

    public static readonly DiagnosticDescriptor NotAFullPeriod = new(
        id: "IMGDSL0026",
        title: "Periodic range is not a full period",
        messageFormat: "'{0}' is periodic over [{1}, {2}], a span of {3}, but {4}",
        category: TargetsCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A periodic target's range must be exactly one period, so that Max is the same point as Min: 360 for degrees, 2π for radians, or the declared Period.",
        helpLinkUri: HelpLink + "imgdsl0026");

    public static readonly DiagnosticDescriptor CannotBeSet = new(
        id: "IMGDSL0027",
        title: "Target cannot be set",
        messageFormat: "'{0}' cannot be set by the generated data binding: {1}",
        category: TargetsCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The generated binding creates the spec class (and each record-typed vector) from a CSV row, through an object initializer or a constructor; every target needs a setter, an init accessor or a constructor parameter.",
        helpLinkUri: HelpLink + "imgdsl0027");

    public static readonly DiagnosticDescriptor ZeroFlag = new(
        id: "IMGDSL0028",
        title: "Zero-valued member in a multi-label [Flags] enum",
        messageFormat: "'{0}' of the [Flags] enum '{1}' is 0, so as a label it could never be present; remove it (an empty set is default({1}))",
        category: TargetsCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Each member of a multi-label [Flags] enum is one label, present when its bit is set; a member with no bits is never set and would be a label the model can never learn.",
        helpLinkUri: HelpLink + "imgdsl0028");

    public static readonly DiagnosticDescriptor OverlappingFlags = new(
        id: "IMGDSL0029",
        title: "Multi-label [Flags] members share bits",
        messageFormat: "'{0}' and '{1}' of the [Flags] enum '{2}' share bits, but each label needs a bit of its own",
        category: TargetsCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Labels of a [Flags] enum are told apart by their bits; a combined member (All = A | B) or two members sharing a bit cannot be set independently.",
        helpLinkUri: HelpLink + "imgdsl0029");

    public static readonly DiagnosticDescriptor InvalidThreshold = new(
        id: "IMGDSL0030",
        title: "Invalid decision threshold",
        messageFormat: "{0} of '{1}' {2}",
        category: TrainingCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A threshold is the probability at or above which a bool target is true or a label present; it must be strictly between 0 and 1, and Thresholds needs one per label.",
        helpLinkUri: HelpLink + "imgdsl0030");

    public static readonly DiagnosticDescriptor InvalidWeights = new(
        id: "IMGDSL0031",
        title: "Invalid class or positive weights",
        messageFormat: "{0} of '{1}' {2}",
        category: TrainingCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "ClassWeights and PositiveWeights scale each label's share of the loss; they need one positive finite number per label.",
        helpLinkUri: HelpLink + "imgdsl0031");

    public static readonly DiagnosticDescriptor OptionDoesNotApply = new(
        id: "IMGDSL0032",
        title: "Option does not apply to the target kind",
        messageFormat: "{0} does not apply to '{1}': {2}",
        category: TargetsCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Some options only mean something for one kind of target (label smoothing for multi-class, thresholds for bool and multi-label, a label list for string and bool targets, Period for periodic ranges); elsewhere they would be silently ignored.",
        helpLinkUri: HelpLink + "imgdsl0032");

    public static readonly DiagnosticDescriptor DuplicateColumn = new(
        id: "IMGDSL0033",
        title: "Two targets read the same CSV column",
        messageFormat: "'{0}' reads the CSV column '{1}', which '{2}' reads too (columns are matched ignoring case)",
        category: TargetsCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Each CSV column holds one target's value (or one component of a vector); two targets reading one column would silently get the same data.",
        helpLinkUri: HelpLink + "imgdsl0033");

    public static readonly DiagnosticDescriptor InvalidAugmentation = new(
        id: "IMGDSL0034",
        title: "Invalid augmentation value",
        messageFormat: "[Augment] {0} = {1} {2}",
        category: TrainingCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The values of [Augment] follow the rules of Augmentation.Validate: Shift is a number of pixels, not negative; Rotation is in [0, 180] degrees; Scale and Contrast are in [0, 1); Brightness and Noise are in [0, 1]; CropScaleMin and CropScaleMax are in (0, 1], CropRatioMin and CropRatioMax positive, each minimum at most its maximum; JitterBrightness, JitterContrast and JitterSaturation are not negative, JitterHue is in [0, 0.5]; Mixup and CutMix (Beta alphas) are not negative.",
        helpLinkUri: HelpLink + "imgdsl0034");

    public static readonly DiagnosticDescriptor RotationChangesAngle = new(
        id: "IMGDSL0035",
        title: "Rotation or flip would change an angle target",
        messageFormat: "[Augment] {0} would corrupt '{1}', an angle in {2}: {3}; if it is the image's own rotation, declare ImageRotation on its [Range]",
        category: TrainingCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Augmentation rotates or mirrors the image but not the target's value, so a model that predicts an angle (a range or periodic target whose unit is degrees or radians) would be trained on wrong answers, unless the target is declared as the image's own rotation (ImageRotation), which the trainer turns with the image.",
        helpLinkUri: HelpLink + "imgdsl0035");

    public static readonly DiagnosticDescriptor FlipSwapsSides = new(
        id: "IMGDSL0036",
        title: "Flip would swap labels that name a side",
        messageFormat: "[Augment] FlipHorizontal = true would corrupt '{0}': its labels {1} name a side, which a mirror swaps",
        category: TrainingCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A horizontal flip turns left into right but leaves the label as it was, so a label target whose labels contain 'left' or 'right' would be trained on wrong answers half the time.",
        helpLinkUri: HelpLink + "imgdsl0036");

    public static readonly DiagnosticDescriptor GeometricMovesVector = new(
        id: "IMGDSL0037",
        title: "Geometric augmentation cannot move a vector target",
        messageFormat: "[Augment] {0} = {1} would corrupt '{2}': it is a vector target, which geometric augmentation cannot move with the image",
        category: TrainingCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Shift, Rotation, Scale and FlipHorizontal move the image; a box is moved with it, but the components of a plain [Vector] (keypoints, directions) have no known geometry to move by, so they would no longer match the image. Use only Brightness, Contrast and Noise on such a spec.",
        helpLinkUri: HelpLink + "imgdsl0037");

    public static readonly DiagnosticDescriptor InputSmallerThanBackbone = new(
        id: "IMGDSL0038",
        title: "Input smaller than the backbone accepts",
        messageFormat: "{0} = {1} is smaller than the {2} backbone accepts: at least {3} pixels, because {4}",
        category: InputCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Each backbone downsamples the image by a fixed factor and refuses images too small to survive it: SmallCnn needs 8 pixels a side, PlainCnn 2^BackboneBlocks (8 by default), ResNet18, ResNet34, ResNet50, MobileNetV3Small, MobileNetV3Large and EfficientNetB0 32, CoordCnn 4.",
        helpLinkUri: HelpLink + "imgdsl0038");

    public static readonly DiagnosticDescriptor BackboneShapeNotSupported = new(
        id: "IMGDSL0039",
        title: "Backbone shape set for a backbone with a fixed shape",
        messageFormat: "{0} shapes a PlainCnn; the {1} backbone has a fixed shape",
        category: InputCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "BackboneBlocks, BackboneWidth and BackboneGrid choose the depth, width and final pooling of the PlainCnn backbone. SmallCnn, CoordCnn and the ResNets have one shape each (the ResNets' is torchvision's, so that its weights load), so setting any of them there would silently do nothing.",
        helpLinkUri: HelpLink + "imgdsl0039");

    public static readonly DiagnosticDescriptor InvalidBackboneShape = new(
        id: "IMGDSL0040",
        title: "Invalid backbone shape",
        messageFormat: "{0} = {1} is not a valid PlainCnn shape: use {2} to {3}, or leave it out for the default",
        category: InputCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A PlainCnn has 1 to 6 blocks (each halves the image), a first block 4 to 256 channels wide (each further block doubles it), and either global average pooling or a grid of 1 to 8 cells a side.",
        helpLinkUri: HelpLink + "imgdsl0040");

    public static readonly DiagnosticDescriptor VectorMemberNotANumber = new(
        id: "IMGDSL0041",
        title: "Vector member is not a number",
        messageFormat: "'{0}' has type '{1}', whose {2} member '{3}' is not float or double, but every field and settable property of a [{4}] type is one of its numbers",
        category: TargetsCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The generated binding reads a vector or box from its float and double members and builds it from them; a field or settable property of another type (an int id, a string name) would silently stay at its default in every sample and prediction, so it is refused instead. Make it get-only (computed), or keep it out of the vector type.",
        helpLinkUri: HelpLink + "imgdsl0041");

    public static readonly DiagnosticDescriptor ObsoleteUse = new(
        id: "IMGDSL0042",
        title: "Generated code would use a member that is obsolete as an error",
        messageFormat: "'{0}' is marked [Obsolete] as an error{1}, but the generated code must use it to {2}",
        category: TargetsCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The generated model reads and sets every target, creates the spec class and each vector, and names each target's type; none of these can be marked [Obsolete(..., error: true)] (unless the spec class itself is obsolete). A label enum member that is obsolete as an error is simply not a label; obsolete warnings and [Experimental] APIs that the spec uses are disabled in the generated file, since the user chose them.",
        helpLinkUri: HelpLink + "imgdsl0042");
    public static readonly DiagnosticDescriptor InvalidTargetDeclaration = new(
        id: "IMGDSL0043",
        title: "Invalid target declaration",
        messageFormat: "{0} is not a valid {1} target: {2}",
        category: TargetsCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A target's declaration breaks a rule of its kind that no more specific rule covers; the message says which. An ordinal target, for example, has 2 to 100 ranks: an enum's members, lowest first ([Ordinal]), or the whole numbers of an int property from first to last ([Ordinal(first, last)], last above first).",
        helpLinkUri: HelpLink + "imgdsl0043");

    public static readonly DiagnosticDescriptor MixingNeedsLabels = new(
        id: "IMGDSL0044",
        title: "Mixup or CutMix on a target that is not a label",
        messageFormat: "[Augment] {0} = {1} would corrupt '{2}': Mixup and CutMix mix two images' targets as soft labels, and '{2}' is {3}, not a multi-class, multi-label or yes/no label",
        category: TrainingCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Mixup blends two images and CutMix pastes part of one into another; the loss then mixes the two images' labels in the same proportion (soft targets). That is defined for labels ([Labels], [MultiLabel], [Binary]), whose losses are linear in a one-hot or 0/1 truth, but not for a number, box, map or mask: a blend of two images has no single age, and half a box is not a box. Use Mixup and CutMix only on specs whose targets are all labels.",
        helpLinkUri: HelpLink + "imgdsl0044");

    public static readonly DiagnosticDescriptor InvalidTolerance = new(
        id: "IMGDSL0045",
        title: "Invalid tolerance",
        messageFormat: "Tolerance of '{0}' is {1}, but {2}",
        category: MetricsCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A Tolerance is an error the user accepts, in the target's units: evaluation reports the share of predictions within it. It must be a positive finite number, and smaller than the largest error the target can make (a [Range]'s Max - Min, half a periodic range's period, a bounded [Vector] or [Box]'s Max - Min), since a tolerance that wide counts every prediction as within it and the share would say nothing. Leave Tolerance out for none.",
        helpLinkUri: HelpLink + "imgdsl0045");

    /// <summary>Every descriptor above, in ID order: what the analyzer supports.</summary>
    public static readonly ImmutableArray<DiagnosticDescriptor> All = typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
        .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
        .OrderBy(descriptor => descriptor.Id, System.StringComparer.Ordinal)
        .ToImmutableArray();
}
