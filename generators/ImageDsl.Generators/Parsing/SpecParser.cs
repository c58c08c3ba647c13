using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ImageDsl.Generators.Diagnostics;
using ImageDsl.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ImageDsl.Generators.Parsing;

/// <summary>
/// Turns a class marked <c>[ImageModel]</c> into a <see cref="SpecModel"/>, checking every rule
/// on the way. The generator and the analyzer both run it, so each rule is written once: the
/// analyzer passes a <see cref="ReportDiagnostic"/> and shows what is wrong; the generator passes
/// none and writes nothing for a spec that broke a rule. Code the compiler already rejects (error
/// types, malformed attribute arguments) makes the spec invalid without a diagnostic of ours.
/// </summary>
internal sealed partial class SpecParser
{
    // The generic bounds of Width and Height; each backbone has its own minimum (BackboneSizes).
    public const int MinImageSize = 1;
    public const int MaxImageSize = 4096;

    private readonly ReportDiagnostic? report;
    private readonly CancellationToken cancellation;
    private bool valid = true;

    // The spec's image size, read before its targets: a dense target's output size defaults to it.
    private int inputWidth;
    private int inputHeight;

    // Where to report a problem of a member that has no place in source (a target inherited
    // from a base class in another assembly): the spec class's name.
    private Location specIdentifier = Location.None;

    private SpecParser(ReportDiagnostic? report, CancellationToken cancellation)
    {
        this.report = report;
        this.cancellation = cancellation;
    }

    /// <summary>Parses <paramref name="type"/>, whose <c>[ImageModel]</c> is <paramref name="attribute"/>; null if the spec is invalid.</summary>
    public static SpecModel? Parse(INamedTypeSymbol type, AttributeData attribute, ReportDiagnostic? report, CancellationToken cancellation) =>
        new SpecParser(report, cancellation).Parse(type, attribute);

    /// <summary>True for <c>ImageDsl.{name}</c>, compared by name so it works without a <c>Compilation</c>.</summary>
    public static bool IsRuntimeType(INamedTypeSymbol? type, string name) =>
        type is { TypeKind: not TypeKind.Error, ContainingType: null } &&
        type.Name == name &&
        type.ContainingNamespace is { Name: TypeNames.RuntimeNamespace, ContainingNamespace.IsGlobalNamespace: true };

    private SpecModel? Parse(INamedTypeSymbol type, AttributeData attribute)
    {
        // [ImageModel] on a struct or twice on one class is a compiler error (CS0592, CS0579);
        // generating for it twice would also add the same hint name twice.
        if (type.TypeKind != TypeKind.Class ||
            type.GetAttributes().Count(a => IsRuntimeType(a.AttributeClass, TypeNames.ImageModelAttributeName)) != 1)
            return null;

        var identifier = ClassIdentifier(type, attribute);
        specIdentifier = identifier;
        if (!CheckClassShape(type, identifier)) return null;
        ReadUsageContext(type);
        CheckPartial(type);
        var containingTypes = ContainingTypes(type);

        var arguments = new AttributeReader(attribute, cancellation);
        var backbone = EnumMember(arguments, "Backbone", TypeNames.DefaultBackbone);
        // A backbone that names no member (IMGDSL0017, or a compiler error) has no minimum size to check.
        var knownBackbone = arguments.IsBroken || arguments.Enum("Backbone") is { Member: null } ? null : backbone;
        int blocks = BackboneShape(arguments, "BackboneBlocks", BackboneSizes.BlocksRange, knownBackbone);
        int backboneWidth = BackboneShape(arguments, "BackboneWidth", BackboneSizes.WidthRange, knownBackbone);
        int grid = BackboneShape(arguments, "BackboneGrid", BackboneSizes.GridRange, knownBackbone);
        int width = ImageSize(arguments, "Width", TypeNames.DefaultWidth, knownBackbone, blocks);
        int height = ImageSize(arguments, "Height", TypeNames.DefaultHeight, knownBackbone, blocks);
        int channels = arguments.Int("Channels", TypeNames.DefaultChannels);
        if (channels is not (1 or 3))
            Report(DiagnosticDescriptors.InvalidChannels, arguments.ArgumentLocation("Channels"), channels);
        if (arguments.IsBroken) valid = false;

        (inputWidth, inputHeight) = (width, height);
        var targets = Targets(type, identifier);
        CheckNames(type, identifier, targets);
        var construction = Construction(type, identifier, targets);
        var augmentation = Augmentation(type, targets);

        if (!valid) return null;
        var exposed = targets.Aggregate(GeneratedAccessibility.Public, (narrowest, t) => GeneratedAccessibility.Narrower(narrowest, t.Model!.TypeAccessibility));
        return new SpecModel(
            Namespace: SymbolText.Namespace(type.ContainingNamespace),
            ContainingTypes: containingTypes,
            TypeKeyword: type.IsRecord ? "record" : "class",
            Name: type.Name,
            FullyQualifiedName: SymbolText.FullyQualified(type),
            DisplayName: SymbolText.Display(type),
            Width: width,
            Height: height,
            Channels: channels,
            Backbone: backbone,
            BackboneBlocks: blocks,
            BackboneWidth: backboneWidth,
            BackboneGrid: grid,
            Targets: new EquatableArray<TargetModel>(targets.Select(t => t.Model!)),
            Construction: construction,
            Augmentation: augmentation,
            ExposedAccessibility: exposed,
            SuppressedWarnings: new EquatableArray<string>(suppressedWarnings));
    }

    private void Report(DiagnosticDescriptor descriptor, Location location, params object[] args)
    {
        valid = false;
        report?.Invoke(descriptor, location, args);
    }

    /// <summary>Where to point at the spec class: the name in the declaration that carries <c>[ImageModel]</c>.</summary>
    private Location ClassIdentifier(INamedTypeSymbol type, AttributeData attribute)
    {
        var declaration = attribute.ApplicationSyntaxReference?.GetSyntax(cancellation).FirstAncestorOrSelf<TypeDeclarationSyntax>();
        return declaration?.Identifier.GetLocation() ?? type.Locations.FirstOrDefault() ?? Location.None;
    }

    /// <summary>Rule IMGDSL0010; false if the class cannot be generated for at all (nothing else is checked then).</summary>
    private bool CheckClassShape(INamedTypeSymbol type, Location identifier)
    {
        string? problem =
            type.IsStatic ? "is static" :
            type.IsAbstract ? "is abstract" :
            type.TypeParameters.Length > 0 ? "is generic" :
            type.IsFileLocal ? "is file-local" :
            null;
        for (var outer = type.ContainingType; problem is null && outer is not null; outer = outer.ContainingType)
        {
            if (outer.TypeParameters.Length > 0) problem = $"is nested in the generic type '{SymbolText.Display(outer)}'";
            else if (outer.IsFileLocal) problem = $"is nested in the file-local type '{SymbolText.Display(outer)}'";
        }
        for (var baseType = type.BaseType; problem is null && baseType is not null; baseType = baseType.BaseType)
        {
            if (baseType.GetAttributes().Any(a => IsRuntimeType(a.AttributeClass, TypeNames.ImageModelAttributeName)))
                problem = $"derives from the image model spec '{SymbolText.Display(baseType)}'";
        }
        if (problem is null) return true;
        Report(DiagnosticDescriptors.UnsupportedSpecClass, identifier, type.Name, problem);
        return false;
    }

    /// <summary>Rule IMGDSL0001, for the spec class and every type containing it.</summary>
    private void CheckPartial(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            foreach (var reference in current.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellation) is TypeDeclarationSyntax declaration &&
                    !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                    Report(DiagnosticDescriptors.NotPartial, declaration.Identifier.GetLocation(), current.Name);
            }
        }
    }

    private EquatableArray<ContainingTypeModel> ContainingTypes(INamedTypeSymbol type)
    {
        var types = new List<ContainingTypeModel>();
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            string? keyword = outer.TypeKind switch
            {
                TypeKind.Class => outer.IsRecord ? "record" : "class",
                TypeKind.Struct => outer.IsRecord ? "record struct" : "struct",
                TypeKind.Interface => "interface",
                _ => null,
            };
            if (keyword is null) valid = false;
            else types.Insert(0, new ContainingTypeModel(keyword, outer.Name, outer.IsRefLikeType));
        }
        return new EquatableArray<ContainingTypeModel>(types);
    }

    /// <summary>
    /// Rules IMGDSL0006 (the generic bounds) and IMGDSL0038 (the minimum of <paramref name="backbone"/>
    /// with <paramref name="blocks"/> blocks, unless the backbone is unknown).
    /// </summary>
    private int ImageSize(AttributeReader arguments, string name, int defaultValue, string? backbone, int blocks)
    {
        int value = arguments.Int(name, defaultValue);
        if (value is < MinImageSize or > MaxImageSize)
            Report(DiagnosticDescriptors.InvalidImageSize, arguments.ArgumentLocation(name), name, value, MinImageSize, MaxImageSize);
        else if (backbone is not null && BackboneSizes.TryGet(backbone, blocks, out var size) && value < size.MinimumSide)
            Report(DiagnosticDescriptors.InputSmallerThanBackbone, arguments.ArgumentLocation(name), name, value, backbone, size.MinimumSide, size.Reason);
        return value;
    }

    /// <summary>
    /// <c>BackboneBlocks</c>, <c>BackboneWidth</c> or <c>BackboneGrid</c>, 0 when not set: rule IMGDSL0039 on a backbone
    /// other than PlainCnn, IMGDSL0040 outside <paramref name="range"/>. An invalid value reads as 0
    /// so that the image size checks do not report it a second time.
    /// </summary>
    private int BackboneShape(AttributeReader arguments, string name, (int Min, int Max) range, string? backbone)
    {
        int value = arguments.Int(name, 0);
        if (value == 0) return 0;
        var location = arguments.ArgumentLocation(name);
        if (backbone is not null && backbone != BackboneSizes.Shaped)
        {
            Report(DiagnosticDescriptors.BackboneShapeNotSupported, location, name, backbone);
            return 0;
        }
        if (value < range.Min || value > range.Max)
        {
            Report(DiagnosticDescriptors.InvalidBackboneShape, location, name, value, range.Min, range.Max);
            return 0;
        }
        return value;
    }

    /// <summary>An enum argument's member name (rule IMGDSL0017 if it names none).</summary>
    private string EnumMember(AttributeReader arguments, string name, string defaultMember)
    {
        if (arguments.Enum(name) is not { } argument) return defaultMember;
        if (argument.Member is { } member) return member;
        Report(DiagnosticDescriptors.UnknownEnumValue, arguments.ArgumentLocation(name), name, argument.Number ?? "?", SymbolText.Display(argument.Type));
        return defaultMember;
    }
}
