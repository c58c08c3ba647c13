namespace ImageDsl.Generators.Model;

/// <summary>Everything the emitter needs to write one spec class's generated file.</summary>
/// <remarks>
/// The model holds only strings, numbers, booleans and <see cref="EquatableArray{T}"/>s of
/// nested records: never an <c>ISymbol</c>, <c>SyntaxNode</c>, <c>Location</c>,
/// <c>Compilation</c> or <c>Diagnostic</c>. That keeps it value-equatable, so the incremental
/// pipeline sees an unchanged spec as unchanged (a comment or an edit elsewhere emits nothing
/// again), and it keeps no compilation alive. Diagnostics are reported by
/// <c>ImageModelAnalyzer</c>, from the same parser; an invalid spec never becomes a model.
/// </remarks>
/// <param name="Namespace">The containing namespace, keyword-escaped (<c>@class</c>); empty for the global namespace.</param>
/// <param name="ContainingTypes">The types the spec class is nested in, outermost first.</param>
/// <param name="TypeKeyword"><c>class</c> or <c>record</c>: a partial declaration must repeat it.</param>
/// <param name="Name">The spec class's simple name, unescaped.</param>
/// <param name="FullyQualifiedName">The spec class as <c>global::Namespace.Outer.Name</c>, keyword-escaped.</param>
/// <param name="DisplayName">The spec class as <c>Namespace.Outer.Name</c>: the spec's name at run time.</param>
/// <param name="Width">Input width in pixels.</param>
/// <param name="Height">Input height in pixels.</param>
/// <param name="Channels">Input channels.</param>
/// <param name="Backbone">The <c>ImageDsl.Backbone</c> member name.</param>
/// <param name="BackboneBlocks">PlainCnn's block count, or 0 for its default.</param>
/// <param name="BackboneWidth">PlainCnn's first-block channels, or 0 for its default.</param>
/// <param name="BackboneGrid">PlainCnn's grid side, or 0 for global average pooling.</param>
/// <param name="Targets">The targets, in declaration order.</param>
/// <param name="Construction">How the generated binding creates an instance: with an object initializer, or a constructor.</param>
/// <param name="Augmentation">What <c>[Augment]</c> declares, or null when the spec has no <c>[Augment]</c>.</param>
/// <param name="ExposedAccessibility">
/// <c>public</c>, <c>internal</c> or <c>private</c>: how accessible the generated types that expose the
/// targets' types (<c>Prediction</c>, <c>Model</c>, <c>Binding</c>, <c>OnnxPredictor</c>) may be, so no
/// target type is less accessible than a member showing it.
/// </param>
/// <param name="SuppressedWarnings">
/// The diagnostic IDs the generated file disables: obsolete and experimental types and members
/// the spec's targets use, which the user already chose to use; sorted.
/// </param>
internal sealed record SpecModel(
    string Namespace,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string TypeKeyword,
    string Name,
    string FullyQualifiedName,
    string DisplayName,
    int Width,
    int Height,
    int Channels,
    string Backbone,
    int BackboneBlocks,
    int BackboneWidth,
    int BackboneGrid,
    EquatableArray<TargetModel> Targets,
    ConstructionModel Construction,
    AugmentationModel? Augmentation,
    string ExposedAccessibility,
    EquatableArray<string> SuppressedWarnings)
{
    /// <summary>
    /// Tells specs apart even where <see cref="DisplayName"/> does not (a namespace <c>A.B</c> and
    /// a type <c>A.B</c> give the same display name; the compiler rejects that, but not before the
    /// generator runs): namespace, containing types and name.
    /// </summary>
    public string Identity => Namespace + "/" + string.Join("+", System.Linq.Enumerable.Select(ContainingTypes, t => t.Name)) + "/" + Name;

    /// <summary>How every generated file's name ends.</summary>
    public const string HintNameSuffix = ".g.cs";

    /// <summary>The generated file's name: <c>Namespace.Outer.Name.g.cs</c>, reduced to characters every file system accepts.</summary>
    public string HintName
    {
        get
        {
            var chars = DisplayName.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
                if (!char.IsLetterOrDigit(chars[i]) && chars[i] != '.' && chars[i] != '_') chars[i] = '_';
            return new string(chars) + HintNameSuffix;
        }
    }
}

/// <summary>A type the spec class is nested in.</summary>
/// <param name="Keyword">The declaration keywords after <c>partial</c>: <c>class</c>, <c>record</c>, <c>struct</c>, <c>record struct</c> or <c>interface</c>.</param>
/// <param name="Name">The type's simple name, unescaped.</param>
/// <param name="IsRefStruct">Whether the declaration must say <c>ref</c>.</param>
internal sealed record ContainingTypeModel(string Keyword, string Name, bool IsRefStruct);

/// <summary>How the generated binding creates the spec class from parsed targets.</summary>
/// <param name="UsesConstructor">True to call a constructor with named arguments, false for <c>new T { ... }</c>.</param>
/// <param name="Parameters">With a constructor: per target (in target order), the parameter name that takes it.</param>
internal sealed record ConstructionModel(bool UsesConstructor, EquatableArray<string> Parameters);

/// <summary>The augmentation a spec declares with <c>[Augment]</c>; the fields mirror <c>ImageDsl.Training.Augmentation</c>.</summary>
/// <param name="Shift">Largest shift in pixels.</param>
/// <param name="Rotation">Largest rotation in degrees.</param>
/// <param name="Scale">Largest relative scale change.</param>
/// <param name="FlipHorizontal">Mirror left-right with probability one half.</param>
/// <param name="Brightness">Largest brightness change.</param>
/// <param name="Contrast">Largest relative contrast change.</param>
/// <param name="Noise">Standard deviation of the pixel noise.</param>
internal sealed record AugmentationModel(
    double Shift,
    double Rotation,
    double Scale,
    bool FlipHorizontal,
    double Brightness,
    double Contrast,
    double Noise)
{
    /// <summary>Crop a random part and stretch it to the input size (torchvision's RandomResizedCrop).</summary>
    public bool RandomResizedCrop { get; init; }

    /// <summary>Smallest share of the area a crop keeps.</summary>
    public double CropScaleMin { get; init; }

    /// <summary>Largest share of the area a crop keeps.</summary>
    public double CropScaleMax { get; init; }

    /// <summary>Smallest width-to-height ratio of a crop.</summary>
    public double CropRatioMin { get; init; }

    /// <summary>Largest width-to-height ratio of a crop.</summary>
    public double CropRatioMax { get; init; }

    /// <summary>Torchvision ColorJitter brightness.</summary>
    public double JitterBrightness { get; init; }

    /// <summary>Torchvision ColorJitter contrast.</summary>
    public double JitterContrast { get; init; }

    /// <summary>Torchvision ColorJitter saturation.</summary>
    public double JitterSaturation { get; init; }

    /// <summary>Torchvision ColorJitter hue.</summary>
    public double JitterHue { get; init; }

    /// <summary>Mixup's Beta alpha; 0 is off.</summary>
    public double Mixup { get; init; }

    /// <summary>CutMix's Beta alpha; 0 is off.</summary>
    public double CutMix { get; init; }
}
