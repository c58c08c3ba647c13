namespace ImageDsl.Generators.Model;

/// <summary>One target property of a spec.</summary>
/// <param name="Name">The property's name, unescaped.</param>
/// <param name="Column">The CSV column: the declared one, else the property name.</param>
/// <param name="LossWeight">The declared loss weight.</param>
internal abstract record TargetModel(string Name, string Column, double LossWeight);

/// <summary>A <c>[Labels]</c> target: an enum property.</summary>
/// <param name="Name">The property's name, unescaped.</param>
/// <param name="Column">The CSV column.</param>
/// <param name="LossWeight">The declared loss weight.</param>
/// <param name="LabelSmoothing">The declared label smoothing.</param>
/// <param name="EnumType">The enum, <c>global::</c>-qualified.</param>
/// <param name="Labels">The enum's members in declaration order.</param>
internal sealed record LabelTargetModel(
    string Name,
    string Column,
    double LossWeight,
    double LabelSmoothing,
    string EnumType,
    EquatableArray<LabelModel> Labels)
    : TargetModel(Name, Column, LossWeight);

/// <summary>One member of a label enum.</summary>
/// <param name="Name">The member's name, unescaped.</param>
/// <param name="Value">Its constant value in invariant culture: the label's alias (a folder named <c>7</c>).</param>
internal sealed record LabelModel(string Name, string Value);

/// <summary>A <c>[Range]</c> target: a <c>float</c> or <c>double</c> property.</summary>
/// <param name="Name">The property's name, unescaped.</param>
/// <param name="Column">The CSV column.</param>
/// <param name="LossWeight">The declared loss weight.</param>
/// <param name="IsFloat">True for a <c>float</c> property, false for <c>double</c>.</param>
/// <param name="Min">The declared minimum.</param>
/// <param name="Max">The declared maximum.</param>
/// <param name="Unit">The declared unit, or null.</param>
/// <param name="Loss">The <c>ImageDsl.RegressionLoss</c> member name.</param>
/// <param name="HuberDelta">The declared Huber delta.</param>
internal sealed record RangeTargetModel(
    string Name,
    string Column,
    double LossWeight,
    bool IsFloat,
    double Min,
    double Max,
    string? Unit,
    string Loss,
    double HuberDelta)
    : TargetModel(Name, Column, LossWeight);
