namespace ImageDsl.Generators.Model;

/// <summary>One target property of a spec.</summary>
/// <param name="Name">The property's name, unescaped.</param>
/// <param name="Column">The CSV column: the declared one, else the property name.</param>
/// <param name="LossWeight">The declared loss weight.</param>
/// <param name="Metrics">The <c>ImageDsl.Metric</c> members named by <c>Metrics = ...</c>; empty for the kind's defaults.</param>
internal abstract record TargetModel(string Name, string Column, double LossWeight, EquatableArray<string> Metrics)
{
    /// <summary>
    /// <c>public</c>, <c>internal</c> or <c>private</c>: how accessible a member of the spec class
    /// exposing this target's type (<c>XLabels</c>) may be; see <see cref="SpecModel.ExposedAccessibility"/>.
    /// </summary>
    public string TypeAccessibility { get; init; } = "public";

    /// <summary>
    /// How a doc comment's <c>cref</c> names the property when a base class declares it
    /// (<c>global::Demo.Base{T}.Name</c>: a cref does not find inherited members); null when the
    /// spec class declares it, and the name alone will do.
    /// </summary>
    public string? InheritedCref { get; init; }
}

/// <summary>A multi-class <c>[Labels]</c> target: an enum property, or a string property with its labels listed.</summary>
/// <param name="Name">The property's name, unescaped.</param>
/// <param name="Column">The CSV column.</param>
/// <param name="LossWeight">The declared loss weight.</param>
/// <param name="Metrics">The declared headline metrics.</param>
/// <param name="LabelSmoothing">The declared label smoothing.</param>
/// <param name="EnumType">The enum, <c>global::</c>-qualified; <c>string</c> for a string target.</param>
/// <param name="IsString">True for a string property whose labels the attribute lists.</param>
/// <param name="Labels">The labels in order (an enum's members in declaration order).</param>
/// <param name="ClassWeights">The declared class weights, or empty.</param>
internal sealed record LabelTargetModel(
    string Name,
    string Column,
    double LossWeight,
    EquatableArray<string> Metrics,
    double LabelSmoothing,
    string EnumType,
    bool IsString,
    EquatableArray<LabelModel> Labels,
    EquatableArray<double> ClassWeights)
    : TargetModel(Name, Column, LossWeight, Metrics);

/// <summary>One label: an enum member, or a declared string.</summary>
/// <param name="Name">The member's name, unescaped (or the string label).</param>
/// <param name="Value">An enum member's constant value in invariant culture: the label's alias (a folder named <c>7</c>); null for string labels.</param>
internal sealed record LabelModel(string Name, string? Value);

/// <summary>A binary <c>[Labels]</c> target: a <c>bool</c> property.</summary>
/// <param name="Name">The property's name, unescaped.</param>
/// <param name="Column">The CSV column.</param>
/// <param name="LossWeight">The declared loss weight.</param>
/// <param name="Metrics">The declared headline metrics.</param>
/// <param name="Threshold">The decision threshold.</param>
/// <param name="PositiveWeight">The positive weight of the loss.</param>
/// <param name="NegativeLabel">The name of false.</param>
/// <param name="PositiveLabel">The name of true.</param>
internal sealed record BinaryTargetModel(
    string Name,
    string Column,
    double LossWeight,
    EquatableArray<string> Metrics,
    double Threshold,
    double PositiveWeight,
    string NegativeLabel,
    string PositiveLabel)
    : TargetModel(Name, Column, LossWeight, Metrics);

/// <summary>A multi-label <c>[Labels]</c> target: a <c>[Flags]</c> enum, or a set of an enum.</summary>
/// <param name="Name">The property's name, unescaped.</param>
/// <param name="Column">The CSV column.</param>
/// <param name="LossWeight">The declared loss weight.</param>
/// <param name="Metrics">The declared headline metrics.</param>
/// <param name="EnumType">The enum, <c>global::</c>-qualified.</param>
/// <param name="PropertyType">The property's type, <c>global::</c>-qualified: the enum, or the set type.</param>
/// <param name="IsFlags">True for a <c>[Flags]</c> enum property, false for a set.</param>
/// <param name="Labels">The labels in declaration order.</param>
/// <param name="Thresholds">Per-label thresholds.</param>
/// <param name="PositiveWeights">Per-label positive weights.</param>
internal sealed record MultiLabelTargetModel(
    string Name,
    string Column,
    double LossWeight,
    EquatableArray<string> Metrics,
    string EnumType,
    string PropertyType,
    bool IsFlags,
    EquatableArray<LabelModel> Labels,
    EquatableArray<double> Thresholds,
    EquatableArray<double> PositiveWeights)
    : TargetModel(Name, Column, LossWeight, Metrics);

/// <summary>A scalar regression target: <c>[Range]</c> (bounded or periodic) or <c>[Value]</c> (unbounded), on a <c>float</c> or <c>double</c>.</summary>
/// <param name="Name">The property's name, unescaped.</param>
/// <param name="Column">The CSV column.</param>
/// <param name="LossWeight">The declared loss weight.</param>
/// <param name="Metrics">The declared headline metrics.</param>
/// <param name="Kind">Range, Periodic or Value.</param>
/// <param name="IsFloat">True for a <c>float</c> property, false for <c>double</c>.</param>
/// <param name="Min">The declared minimum (0 for a value).</param>
/// <param name="Max">The declared maximum (0 for a value).</param>
/// <param name="Unit">The declared unit, or null.</param>
/// <param name="Loss">The <c>ImageDsl.LossFunction</c> member name.</param>
/// <param name="HuberDelta">The declared Huber delta.</param>
/// <param name="Tolerance">The declared acceptable error of a bounded range (0: none).</param>
/// <param name="ImageRotation">The <c>ImageDsl.RotationSense</c> member when the value is the image's own rotation, else null.</param>
internal sealed record ScalarTargetModel(
    string Name,
    string Column,
    double LossWeight,
    EquatableArray<string> Metrics,
    ScalarKind Kind,
    bool IsFloat,
    double Min,
    double Max,
    string? Unit,
    string Loss,
    double HuberDelta,
    double Tolerance = 0,
    string? ImageRotation = null)
    : TargetModel(Name, Column, LossWeight, Metrics);

/// <summary>Which scalar regression a <see cref="ScalarTargetModel"/> is.</summary>
internal enum ScalarKind
{
    /// <summary>Bounded: <c>[Range(min, max)]</c>.</summary>
    Range,

    /// <summary>Circular: <c>[Range(min, max, Periodic = true)]</c>.</summary>
    Periodic,

    /// <summary>Unbounded: <c>[Value]</c>.</summary>
    Value,
}

/// <summary>A <c>[Vector]</c> or <c>[Box]</c> target: a float array or a record or struct of floats.</summary>
/// <param name="Name">The property's name, unescaped.</param>
/// <param name="Column">The single CSV column all components may share.</param>
/// <param name="LossWeight">The declared loss weight.</param>
/// <param name="Metrics">The declared headline metrics.</param>
/// <param name="PropertyType">The property's type, <c>global::</c>-qualified.</param>
/// <param name="IsArray">True for an array property.</param>
/// <param name="IsReferenceType">True when a value may be null (arrays and classes).</param>
/// <param name="Components">The components: record members, or one per array element.</param>
/// <param name="Columns">The CSV column of each component.</param>
/// <param name="HasRange">True when Min and Max are declared.</param>
/// <param name="Min">The declared minimum of every component.</param>
/// <param name="Max">The declared maximum of every component.</param>
/// <param name="Unit">The declared unit, or null.</param>
/// <param name="Loss">The <c>ImageDsl.LossFunction</c> member name.</param>
/// <param name="HuberDelta">The declared Huber delta.</param>
/// <param name="Box">The <c>ImageDsl.BoxFormat</c> member name for a box, else null.</param>
/// <param name="UsesConstructor">True when a record is built with its constructor, false with an object initializer.</param>
/// <param name="Points">True when the components are (x, y) points in the image.</param>
internal sealed record VectorTargetModel(
    string Name,
    string Column,
    double LossWeight,
    EquatableArray<string> Metrics,
    string PropertyType,
    bool IsArray,
    bool IsReferenceType,
    EquatableArray<ComponentModel> Components,
    EquatableArray<string> Columns,
    bool HasRange,
    double Min,
    double Max,
    string? Unit,
    string Loss,
    double HuberDelta,
    string? Box,
    bool UsesConstructor,
    bool Points = false)
    : TargetModel(Name, Column, LossWeight, Metrics);

/// <summary>One component of a vector target.</summary>
/// <param name="Name">The member name (records) or index (arrays), unescaped.</param>
/// <param name="IsFloat">True for <c>float</c>, false for <c>double</c>.</param>
internal sealed record ComponentModel(string Name, bool IsFloat);
