using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using ImageDsl.Generators.Diagnostics;
using ImageDsl.Generators.Model;
using ImageDsl.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ImageDsl.Generators.Parsing;

internal sealed partial class SpecParser
{
    /// <summary>Reads one target attribute into its kind's model; null if the target broke a rule.</summary>
    private delegate TargetModel? TargetReader(SpecParser parser, IPropertySymbol property, AttributeReader arguments);

    /// <summary>
    /// The reader of each target attribute, by the attribute's class name: the methods marked
    /// <see cref="ReadsTargetAttribute"/>, found once, so a kind's reader is all it writes here.
    /// </summary>
    private static readonly Dictionary<string, TargetReader> TargetReaders = FindTargetReaders();

    private static Dictionary<string, TargetReader> FindTargetReaders()
    {
        var readers = new Dictionary<string, TargetReader>(System.StringComparer.Ordinal);
        foreach (var method in typeof(SpecParser).GetMethods(BindingFlags.Instance | BindingFlags.NonPublic))
            foreach (var marker in method.GetCustomAttributes<ReadsTargetAttribute>())
                readers.Add(marker.AttributeName, (TargetReader)System.Delegate.CreateDelegate(typeof(TargetReader), method));
        return readers;
    }

    /// <summary>A property marked as a target; <see cref="Model"/> is null if it broke a rule.</summary>
    private sealed class ParsedTarget(IPropertySymbol property, string attribute)
    {
        public IPropertySymbol Property { get; } = property;

        /// <summary>The attribute's class name, such as <c>LabelsAttribute</c>.</summary>
        public string Attribute { get; } = attribute;

        public TargetModel? Model { get; set; }
    }

    /// <summary>The target properties, base classes' first (rules 0002, 0009, 0013, 0014, 0018, 0042 and the per-kind rules).</summary>
    private List<ParsedTarget> Targets(INamedTypeSymbol type, Location identifier)
    {
        var targets = new List<ParsedTarget>();
        bool anyDeclared = false;
        foreach (var (property, attributes) in TargetProperties(type))
        {
            cancellation.ThrowIfCancellationRequested();
            anyDeclared = true;
            if (attributes.Count > 1)
            {
                var ordered = attributes.OrderBy(a => a.ApplicationSyntaxReference?.Span.Start ?? 0).ToList();
                Report(DiagnosticDescriptors.TwoTargetAttributes, AttributeLocation(ordered[1]), property.Name,
                    ShortName(ordered[0]), ShortName(ordered[1]));
                continue;
            }
            var attribute = attributes[0];
            var target = new ParsedTarget(property, attribute.AttributeClass!.Name);
            targets.Add(target);
            if (!CheckTargetProperty(type, property) || !CheckTypeNames(type, property)) continue;
            if (property.Type.TypeKind == TypeKind.Error) { valid = false; continue; }
            var location = PropertyLocation(property);
            if (ReportObsolete(UseMember(property), location, $"read and set the target '{property.Name}'") ||
                ReportObsolete(UseType(property.Type), location, $"name the type of the target '{property.Name}'"))
                continue;
            var arguments = new AttributeReader(attribute, cancellation);
            var model = TargetReaders[target.Attribute](this, property, arguments);
            target.Model = model is null ? null : model with
            {
                TypeAccessibility = GeneratedAccessibility.For(type, property.Type),
                InheritedCref = SymbolEqualityComparer.Default.Equals(property.ContainingType, type) ? null : SymbolText.Cref(property),
            };
            if (arguments.IsBroken) valid = false;
        }
        if (!anyDeclared) Report(DiagnosticDescriptors.NoTargets, identifier, type.Name);
        CheckColumns(targets);
        return targets;
    }

    /// <summary>
    /// The properties of <paramref name="type"/> marked with target attributes: those of its base
    /// classes first (the outermost first), each class's in declaration order. A base class's
    /// target is the spec's too, unless a derived class hides it with a member of the same name;
    /// an override keeps the target of the property it overrides, unless it declares its own.
    /// </summary>
    private List<(IPropertySymbol Property, List<AttributeData> Attributes)> TargetProperties(INamedTypeSymbol type)
    {
        var levels = new List<List<(IPropertySymbol, List<AttributeData>)>>();
        // The most derived member of each name, from the classes already visited.
        var declaredBelow = new Dictionary<string, ISymbol>();
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            var level = new List<(IPropertySymbol, List<AttributeData>)>();
            foreach (var member in current.GetMembers())
            {
                if (member is not IPropertySymbol property) continue;
                var attributes = property.GetAttributes()
                    .Where(a => a.AttributeClass is { } c && TargetReaders.ContainsKey(c.Name) && IsRuntimeType(c, c.Name))
                    .ToList();
                if (attributes.Count == 0) continue;
                if (!declaredBelow.TryGetValue(property.Name, out var below)) level.Add((property, attributes));
                else if (below is IPropertySymbol overriding && Overrides(overriding, property) && !IsTarget(overriding)) level.Add((overriding, attributes));
            }
            foreach (var member in current.GetMembers())
                if (!member.IsImplicitlyDeclared && !declaredBelow.ContainsKey(member.Name)) declaredBelow.Add(member.Name, member);
            levels.Insert(0, level);
        }
        return levels.SelectMany(level => level).ToList();
    }

    private static bool Overrides(IPropertySymbol overriding, IPropertySymbol overridden)
    {
        for (var current = overriding.OverriddenProperty; current is not null; current = current.OverriddenProperty)
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, overridden.OriginalDefinition)) return true;
        return false;
    }

    private static bool IsTarget(IPropertySymbol property) =>
        property.GetAttributes().Any(a => a.AttributeClass is { } c && TargetReaders.ContainsKey(c.Name) && IsRuntimeType(c, c.Name));

    private Location AttributeLocation(AttributeData attribute) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellation).GetLocation() ?? specIdentifier;

    /// <summary>Rule IMGDSL0033: every CSV column is read by one target (or one vector component) only.</summary>
    private void CheckColumns(List<ParsedTarget> targets)
    {
        var readers = new Dictionary<string, string>(System.StringComparer.OrdinalIgnoreCase);
        foreach (var target in targets)
        {
            if (target.Model is not { } model) continue;
            var columns = model.CsvColumns;
            foreach (var column in columns.Distinct(System.StringComparer.OrdinalIgnoreCase))
            {
                if (readers.TryGetValue(column, out var other))
                {
                    Report(DiagnosticDescriptors.DuplicateColumn, PropertyLocation(target.Property), target.Property.Name, column, other);
                    break;
                }
                readers.Add(column, target.Property.Name);
            }
        }
    }

    private static string ShortName(AttributeData attribute)
    {
        var name = attribute.AttributeClass?.Name ?? "";
        return name.EndsWith("Attribute", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
    }

    /// <summary>Rules IMGDSL0014 and IMGDSL0013.</summary>
    private bool CheckTargetProperty(INamedTypeSymbol type, IPropertySymbol property)
    {
        string? problem =
            property.IsStatic ? "static" :
            property.IsIndexer ? "an indexer" :
            property.ExplicitInterfaceImplementations.Length > 0 ? "an explicit interface implementation" :
            property.RefKind != RefKind.None ? "returned by reference" :
            !IsAccessibleFrom(property, type) ? $"declared {Describe(property.DeclaredAccessibility)} in the base class '{SymbolText.Display(property.ContainingType)}'" :
            property.GetMethod is { } getter && !IsAccessibleFrom(getter, type) ? $"readable only inside its base class '{SymbolText.Display(property.ContainingType)}'" :
            null;
        if (problem is not null)
        {
            Report(DiagnosticDescriptors.UnsupportedTargetProperty, PropertyLocation(property), property.Name, problem);
            return false;
        }
        if (property.GetMethod is null)
        {
            Report(DiagnosticDescriptors.TargetWithoutGetter, PropertyLocation(property), property.Name);
            return false;
        }
        return true;
    }

    /// <summary>
    /// What every target attribute says: column (0019), loss weight (0011), headline metrics (0017,
    /// 0021) and loss (0017, 0020), the last two checked against the kind's row of the table the
    /// runtime uses too (<see cref="TargetKinds"/>). <paramref name="kindLabel"/> names the kind in messages.
    /// </summary>
    private (string Column, double LossWeight, EquatableArray<string> Metrics, string Loss) Common(
        AttributeReader arguments, IPropertySymbol property, string kindLabel, TargetKind kind)
    {
        // "a range target", "an ordinal target".
        kindLabel = ("aeiou".IndexOf(kindLabel[0]) >= 0 ? "an " : "a ") + kindLabel;
        var losses = kind.Losses.Select(l => l.ToString()).ToArray();
        var metrics = kind.Metrics.Select(m => m.ToString()).ToArray();
        var column = Column(arguments, property);
        var weight = LossWeight(arguments, property);

        var declared = new List<string>();
        if (arguments.Flags("Metrics") is { } flags)
        {
            if (flags.Unknown is not null)
                Report(DiagnosticDescriptors.UnknownEnumValue, arguments.ArgumentLocation("Metrics"), "Metrics", flags.Unknown, "ImageDsl.Metric");
            foreach (var metric in flags.Members)
            {
                if (metrics.Contains(metric)) declared.Add(metric);
                else Report(DiagnosticDescriptors.InapplicableMetric, arguments.ArgumentLocation("Metrics"), metric, property.Name, kindLabel, Alternatives(metrics));
            }
        }

        var loss = EnumMember(arguments, "Loss", TypeNames.DefaultLoss);
        if (loss == TypeNames.DefaultLoss) loss = losses[0];
        else if (!losses.Contains(loss))
            Report(DiagnosticDescriptors.IncompatibleLoss, arguments.ArgumentLocation("Loss"), loss, property.Name, kindLabel, Alternatives(losses.Select(l => "LossFunction." + l)));
        return (column, weight, new EquatableArray<string>(declared), loss);
    }

    private static string Alternatives(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count == 1 ? list[0] : string.Join(", ", list.Take(list.Count - 1)) + " or " + list[list.Count - 1];
    }

    /// <summary>Rule IMGDSL0032 for a named argument written on a kind it means nothing to.</summary>
    private void NotApplicable(AttributeReader arguments, IPropertySymbol property, string why, params string[] options)
    {
        foreach (var option in options)
            if (arguments.Has(option)) Report(DiagnosticDescriptors.OptionDoesNotApply, arguments.ArgumentLocation(option), option, property.Name, why);
    }

    /// <summary>The CSV column (rule IMGDSL0019): the declared one, else the property name.</summary>
    private string Column(AttributeReader arguments, IPropertySymbol property)
    {
        var column = arguments.String("Column");
        if (column is not null && column.Trim().Length == 0)
            Report(DiagnosticDescriptors.EmptyColumn, arguments.ArgumentLocation("Column"), property.Name);
        return column ?? property.Name;
    }

    /// <summary>Rule IMGDSL0011.</summary>
    private double LossWeight(AttributeReader arguments, IPropertySymbol property)
    {
        var weight = arguments.Double("LossWeight", TypeNames.DefaultLossWeight);
        if (!IsPositiveFinite(weight))
            Report(DiagnosticDescriptors.InvalidLossWeight, arguments.ArgumentLocation("LossWeight"), property.Name, SymbolText.Number(weight));
        return weight;
    }

    /// <summary>Rule IMGDSL0016.</summary>
    private double HuberDelta(AttributeReader arguments, IPropertySymbol property)
    {
        var huberDelta = arguments.Double("HuberDelta", TypeNames.DefaultHuberDelta);
        if (!IsPositiveFinite(huberDelta))
            Report(DiagnosticDescriptors.InvalidHuberDelta, arguments.ArgumentLocation("HuberDelta"), property.Name, SymbolText.Number(huberDelta));
        return huberDelta;
    }

    /// <summary>
    /// Rule IMGDSL0045: the declared Tolerance, or 0 for none (left out, or refused: the generated
    /// spec then declares none, so it never throws where the diagnostic already failed the build).
    /// </summary>
    /// <param name="largestError">The largest error the target can make, or null when unbounded (see <see cref="ToleranceRules.Problem"/>).</param>
    /// <param name="largestWhy">Why that is the largest error.</param>
    private double Tolerance(AttributeReader arguments, IPropertySymbol property, double? largestError, string largestWhy)
    {
        if (!arguments.Has("Tolerance")) return 0;
        var tolerance = arguments.Double("Tolerance", double.NaN);
        if (ToleranceRules.Problem(tolerance, largestError, largestWhy) is not { } problem) return tolerance;
        Report(DiagnosticDescriptors.InvalidTolerance, arguments.ArgumentLocation("Tolerance"), property.Name, SymbolText.Number(tolerance), problem);
        return 0;
    }

    private static bool IsPositiveFinite(double value) => value > 0 && !double.IsInfinity(value);

    /// <summary>Compiler errors make the spec invalid without a diagnostic of ours.</summary>
    private T? Invalid<T>() where T : class
    {
        valid = false;
        return null;
    }

    /// <summary>
    /// True when code in <paramref name="type"/> (and so the generated code nested in it) may use
    /// <paramref name="member"/>, which it declares or inherits.
    /// </summary>
    private static bool IsAccessibleFrom(ISymbol member, INamedTypeSymbol type)
    {
        if (SymbolEqualityComparer.Default.Equals(member.ContainingType, type)) return true;
        bool sameAssembly = SymbolEqualityComparer.Default.Equals(member.ContainingAssembly, type.ContainingAssembly) ||
                            (member.ContainingAssembly?.GivesAccessTo(type.ContainingAssembly) ?? false);
        return member.DeclaredAccessibility switch
        {
            Accessibility.Private => false,
            Accessibility.Internal or Accessibility.ProtectedAndInternal => sameAssembly,
            _ => true,
        };
    }

    private static string Describe(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Private => "private",
        Accessibility.ProtectedAndInternal => "private protected",
        _ => "internal",
    };

    /// <summary>The property's name in source, else (inherited from another assembly) the spec class's name.</summary>
    private Location PropertyLocation(IPropertySymbol property) =>
        property.Locations.FirstOrDefault(l => l.IsInSource) ?? specIdentifier;

    /// <summary>The type as written in the property (or positional record parameter) declaration.</summary>
    private Location PropertyTypeLocation(IPropertySymbol property)
    {
        foreach (var reference in property.DeclaringSyntaxReferences)
        {
            switch (reference.GetSyntax(cancellation))
            {
                case PropertyDeclarationSyntax declaration: return declaration.Type.GetLocation();
                case ParameterSyntax { Type: { } type }: return type.GetLocation();
            }
        }
        return PropertyLocation(property);
    }
}
