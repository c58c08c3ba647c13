using System.Collections.Generic;
using System.Linq;
using ImageDsl.Generators.Model;
using ImageDsl.Generators.Parsing;

namespace ImageDsl.Generators.Emitting;

/// <summary>Small pieces of C# the kinds' models and the emitter frame both write.</summary>
internal static class Code
{
    /// <summary>The <c>[GeneratedCode]</c> attribute on every generated type and member.</summary>
    public static readonly string GeneratedCode =
        $"[{TypeNames.GeneratedCodeAttribute}({Literals.String(GeneratorInfo.ToolName)}, {Literals.String(GeneratorInfo.Version)})]";

    /// <summary>A name as an identifier, keyword-escaped (<c>@class</c>).</summary>
    public static string Id(string name) => SymbolText.Identifier(name);

    public static string StringArray(IEnumerable<string> values) => $"new string[] {{ {string.Join(", ", values.Select(Literals.String))} }}";

    public static string DoubleArray(EquatableArray<double> values) =>
        values.Count == 0 ? "null" : $"new double[] {{ {string.Join(", ", values.Select(Literals.Double))} }}";

    /// <summary>A label as a C# expression of its type: <c>global::Demo.Digit.Seven</c> or <c>"cat"</c>.</summary>
    public static string LabelValue(string type, bool isString, LabelModel label) =>
        isString ? Literals.String(label.Name) : $"{type}.{Id(label.Name)}";

    /// <summary>
    /// The spec-class array of a target's labels (or ranks) in output order, and the public list
    /// over it: what predictions index into and what users enumerate.
    /// </summary>
    public static void WriteLabelMembers(SourceWriter w, string type, IEnumerable<string> values, string arrayName, string listName, string what, TargetModel target)
    {
        w.WriteLine(GeneratedCode);
        w.WriteLine($"private static readonly {type}[] {arrayName} = new {type}[]");
        w.OpenBlock();
        foreach (var value in values) w.WriteLine(value + ",");
        w.CloseBlock(";");
        w.WriteLine();
        w.WriteLine($"/// <summary>The {what} of <see cref=\"{target.Cref}\"/>, in the order of the network's outputs.</summary>");
        w.WriteLine(GeneratedCode);
        w.WriteLine($"{target.TypeAccessibility} static {TypeNames.IReadOnlyList}<{type}> {listName} => {arrayName};");
        w.WriteLine();
    }
}
