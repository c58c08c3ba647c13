using System.Collections.Generic;
using System.Linq;
using ImageDsl.Generators.Emitting;
using static ImageDsl.Generators.Emitting.Code;

namespace ImageDsl.Generators.Model;

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
/// <param name="Tolerance">The declared acceptable error of each component, in the target's units (0: none).</param>
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
    bool Points = false,
    double Tolerance = 0)
    : TargetModel(Name, Column, LossWeight, Metrics)
{
    // The runtime names this kind's generated code uses.
    private const string VectorTargetSpec = "global::ImageDsl.Specs.VectorTargetSpec";
    private const string VectorEvaluation = "global::ImageDsl.Evaluation.VectorEvaluation";
    private const string BoxFormat = "global::ImageDsl.BoxFormat";

    public override (string First, string Second) SpecExpression()
    {
        var range = HasRange ? $"min: {Literals.Double(Min)}, max: {Literals.Double(Max)}" : "min: null, max: null";
        return ($"new {VectorTargetSpec}({Literals.String(Name)}, {StringArray(Components.Select(c => c.Name))}, columns: {StringArray(Columns)}, {range}, unit: {Literals.String(Unit)},",
            $"loss: {TypeNames.LossFunction}.{Id(Loss)}, huberDelta: {Literals.Double(HuberDelta)}, box: {(Box is null ? "null" : $"{BoxFormat}.{Id(Box)}")}, " +
            $"column: {Literals.String(Column)}, lossWeight: {Literals.Double(LossWeight)}{(Points ? ", points: true" : "")}" +
            $"{(Tolerance > 0 ? $", tolerance: {Literals.Double(Tolerance)}" : "")})");
    }

    public override IEnumerable<(string Name, string Doc, string Declaration)> PredictionParameters()
    {
        var unit = Unit is null ? "" : " in " + Literals.XmlText(Unit);
        yield return (Name, $"The predicted {Name}{unit}.", $"{PropertyType} {Id(Name)}");
        yield return (Name + "Intervals", $"The prediction interval of each component of {Name}{unit}, in component order; null until the model's intervals are calibrated (CalibrateIntervals).",
            $"global::System.Collections.Generic.IReadOnlyList<global::ImageDsl.PredictionInterval>? {Id(Name + "Intervals")}");
    }

    // Named by target index, so no target name can make two helpers collide.
    private static string FromValues(int index) => "FromValues" + Literals.Int(index);

    public override IEnumerable<string> PredictionArguments(int index)
    {
        yield return $"{GeneratedNames.Binding}.{FromValues(index)}(outputs.Values({Literals.Int(index)}))";
        yield return $"outputs.Intervals({Literals.Int(index)})";
    }

    public override string FromEncoded(int offset, int index) => $"{FromValues(index)}(encoded.Slice({Literals.Int(offset)}, {Literals.Int(Components.Count)}))";

    /// <summary>The property's value from its components' floats, predicted or read.</summary>
    public override void WriteBindingHelpers(SourceWriter w, int index)
    {
        var parts = Components.Select((c, j) => c.IsFloat ? $"values[{Literals.Int(j)}]" : $"(double)values[{Literals.Int(j)}]").ToList();
        string value =
            IsArray ? $"new {(Components[0].IsFloat ? "float" : "double")}[] {{ {string.Join(", ", parts)} }}" :
            UsesConstructor ? $"new {PropertyType}({string.Join(", ", parts)})" :
            $"new {PropertyType} {{ {string.Join(", ", Components.Select((c, j) => $"{Id(c.Name)} = {parts[j]}"))} }}";
        w.WriteLine();
        w.WriteLine($"internal static {PropertyType} {FromValues(index)}(global::System.ReadOnlySpan<float> values) => {value};");
    }

    public override void WriteEncode(SourceWriter w, string value, int offset, int index)
    {
        var local = $"vector{Literals.Int(index)}";
        int n = Components.Count;
        w.WriteLine($"var {local} = {value};");
        if (IsArray)
            w.WriteLine($"if ({local} is null || {local}.Length != {Literals.Int(n)}) throw new {TypeNames.ArgumentException}(" +
                        $"{Literals.String($"{Name} must have {n} components.")}, nameof(labels));");
        else if (IsReferenceType)
            w.WriteLine($"if ({local} is null) throw new {TypeNames.ArgumentException}({Literals.String($"{Name} is null.")}, nameof(labels));");
        for (int j = 0; j < n; j++)
            w.WriteLine($"encoded[{Literals.Int(offset + j)}] = (float){local}{(IsArray ? $"[{Literals.Int(j)}]" : "." + Id(Components[j].Name))};");
    }

    /// <summary>
    /// A class named like the target: one property per named component (a box's <c>Left</c>, a
    /// record's <c>Yaw</c>) and <c>Component(int)</c> for any (an array's, a keypoint's x or y).
    /// A component named like the class or <c>Component</c> is left to <c>Component(int)</c>, as C# forbids those member names.
    /// </summary>
    public override void WriteExplainTargets(SourceWriter w)
    {
        var id = Id(Name);
        w.WriteLine($"/// <summary>The components of <c>{Literals.XmlText(Name)}</c> ({Literals.XmlText(string.Join(", ", Components.Select(c => c.Name)))}): a heatmap of one shows where the evidence that raises it lies.</summary>");
        w.WriteLine($"public static class {id}");
        w.OpenBlock();
        w.WriteLine($"/// <summary>Component <paramref name=\"index\"/> of {Literals.XmlText(Name)}, 0-based in declaration order{(Points ? " (point k's x is 2k, its y 2k + 1)" : "")}.</summary>");
        w.WriteLine("/// <param name=\"index\">The component's index.</param>");
        w.WriteLine($"public static {TypeNames.ExplainTarget} Component(int index) => {TypeNames.ExplainTarget}.Of({Literals.String(Name)}, index);");
        if (!IsArray)
            for (int j = 0; j < Components.Count; j++)
            {
                var c = Components[j].Name;
                if (c == Name || c == "Component") continue;
                w.WriteLine();
                w.WriteLine($"/// <summary>{Literals.XmlText(Name)}.{Literals.XmlText(c)}.</summary>");
                w.WriteLine($"public static {TypeNames.ExplainTarget} {Id(c)} {{ get; }} = {TypeNames.ExplainTarget}.Of({Literals.String(Name)}, {Literals.Int(j)});");
            }
        w.CloseBlock();
    }

    public override bool IsUnmovablePosition => Box is null && !Points;

    public override (string Type, string What) Evaluation => (VectorEvaluation, Box is not null ? "Box regression" : Points ? "Keypoint regression" : "Vector regression");

    public override string Outputs => $"{Components.Count} values";

    public override int EncodedWidth => Components.Count;

    public override IReadOnlyList<string> CsvColumns => Columns;
}

/// <summary>One component of a vector target.</summary>
/// <param name="Name">The member name (records) or index (arrays), unescaped.</param>
/// <param name="IsFloat">True for <c>float</c>, false for <c>double</c>.</param>
internal sealed record ComponentModel(string Name, bool IsFloat);
