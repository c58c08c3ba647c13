using System.Collections.Generic;
using System.Linq;
using ImageDsl.Generators.Model;

namespace ImageDsl.Generators.Emitting;

internal static partial class SpecEmitter
{
    // Helpers are named by target index, so no target name can make two of them collide.
    private static string ParseLabel(int target) => "ParseLabel" + Literals.Int(target);

    private static string FromPresent(int target) => "FromPresent" + Literals.Int(target);

    private static string FromValues(int target) => "FromValues" + Literals.Int(target);

    /// <summary>
    /// The data binding: CSV columns and folder names to the typed spec class, and the typed
    /// spec class to encoded floats, all spelled out (no reflection, so trimming- and AOT-safe).
    /// </summary>
    private static void WriteBinding(SourceWriter w, SpecModel spec)
    {
        var columns = Columns(spec);
        w.WriteLine($"/// <summary>Reads {spec.Name}'s targets from CSV rows{(HasFolderLabels(spec) ? " and label folders" : "")} and encodes them for training, without reflection.</summary>");
        w.WriteLine(GeneratedCode);
        w.WriteLine($"{spec.ExposedAccessibility} sealed class {GeneratedNames.Binding} : {TypeNames.LabelBinding}<{spec.FullyQualifiedName}>");
        w.OpenBlock();
        w.WriteLines($$"""
            private static readonly string[] ColumnArray = {{StringArray(columns)}};

            private {{GeneratedNames.Binding}}() : base({{SpecProperty(spec)}}) { }

            /// <summary>The one instance.</summary>
            public static {{GeneratedNames.Binding}} Instance { get; } = new {{GeneratedNames.Binding}}();

            /// <inheritdoc />
            public override {{TypeNames.IReadOnlyList}}<string> Columns => ColumnArray;
            """);
        WriteTryParse(w, spec);
        if (HasFolderLabels(spec)) WriteTryParseFolder(w, spec);
        WriteBindingEncode(w, spec);
        for (int i = 0; i < spec.Targets.Count; i++) WriteHelpers(w, spec.Targets[i], i);
        w.CloseBlock();
    }

    /// <summary>The C# expression creating the spec class from one local per target.</summary>
    private static string Create(SpecModel spec, IReadOnlyList<string> values)
    {
        if (spec.Construction.UsesConstructor)
            return $"new {spec.FullyQualifiedName}({string.Join(", ", spec.Construction.Parameters.Select((p, i) => $"{Id(p)}: {values[i]}"))})";
        return $"new {spec.FullyQualifiedName} {{ {string.Join(", ", spec.Targets.Select((t, i) => $"{Id(t.Name)} = {values[i]}"))} }}";
    }

    private static string Expected(LabelTargetModel labels) => string.Join(", ", labels.Labels.Select(l => l.Value is null ? l.Name : $"{l.Name} ({l.Value})"));

    private static void WriteTryParse(SourceWriter w, SpecModel spec)
    {
        w.WriteLine();
        w.WriteLine("/// <inheritdoc />");
        w.WriteLine($"public override bool TryParse({TypeNames.CsvCells} cells, [{TypeNames.MaybeNullWhen}(false)] out {spec.FullyQualifiedName} labels)");
        w.OpenBlock();
        w.WriteLine("bool ok = true;");
        var values = new List<string>();
        int column = 0;
        for (int i = 0; i < spec.Targets.Count; i++)
        {
            var target = spec.Targets[i];
            var local = "t" + Literals.Int(i);
            var c = Literals.Int(column);
            var name = Literals.String(target.Name);
            switch (target)
            {
                case LabelTargetModel labels:
                    w.WriteLine($"if (!{ParseLabel(i)}(cells[{c}], out var {local}))");
                    w.WriteLine($"    ok = cells.Fail({c}, \"'\" + cells[{c}] + {Literals.String($"' is not a label of {labels.Name}; expected one of {Expected(labels)}")});");
                    values.Add(local);
                    break;
                case BinaryTargetModel binary:
                    w.WriteLine($"ok &= cells.Bool({c}, {name}, {Literals.String(binary.NegativeLabel)}, {Literals.String(binary.PositiveLabel)}, out var {local});");
                    values.Add(local);
                    break;
                case MultiLabelTargetModel multi:
                    w.WriteLine(multi.IsFlags ? $"{multi.EnumType} {local} = default;" : $"var {local} = new {TypeNames.HashSet}<{multi.EnumType}>();");
                    w.WriteLine($"foreach (var part in cells.List({c}))");
                    w.OpenBlock();
                    w.WriteLine($"if ({ParseLabel(i)}(part, out var label)) {(multi.IsFlags ? $"{local} |= label" : $"{local}.Add(label)")};");
                    var expected = string.Join(", ", multi.Labels.Select(l => l.Name));
                    w.WriteLine($"else ok = cells.Fail({c}, \"'\" + part + {Literals.String($"' is not a label of {multi.Name}; expected labels among {expected}, separated by '|'")});");
                    w.CloseBlock();
                    values.Add(local);
                    break;
                case ScalarTargetModel scalar:
                    var range = scalar.Kind == ScalarKind.Value ? "" : $"{Literals.Double(scalar.Min)}, {Literals.Double(scalar.Max)}, ";
                    w.WriteLine($"ok &= cells.Number({c}, {name}, {range}out var {local});");
                    if (scalar.Kind == ScalarKind.Periodic) w.WriteLine($"if ({local} >= {Literals.Double(scalar.Max)}) {local} = {Literals.Double(scalar.Min)};");
                    values.Add(scalar.IsFloat ? $"(float){local}" : local);
                    break;
                case VectorTargetModel vector:
                    var bounds = vector.HasRange ? $"{Literals.Double(vector.Min)}, {Literals.Double(vector.Max)}, " : "";
                    var parts = new List<string>();
                    for (int j = 0; j < vector.Components.Count; j++)
                    {
                        var part = $"{local}_{Literals.Int(j)}";
                        var component = Literals.String(vector.IsArray ? $"{vector.Name}[{vector.Components[j].Name}]" : $"{vector.Name}.{vector.Components[j].Name}");
                        w.WriteLine($"ok &= cells.Number({Literals.Int(column + j)}, {component}, {bounds}out var {part});");
                        parts.Add(vector.Components[j].IsFloat ? $"(float){part}" : part);
                    }
                    values.Add(VectorValue(vector, parts));
                    column += vector.Components.Count - 1;
                    break;
            }
            column++;
        }
        w.WriteLines($$"""
            if (!ok)
            {
                labels = default!;
                return false;
            }
            labels = {{Create(spec, values)}};
            return true;
            """);
        w.CloseBlock();
    }

    /// <summary>A vector's C# value from one expression per component.</summary>
    private static string VectorValue(VectorTargetModel vector, IReadOnlyList<string> parts)
    {
        if (vector.IsArray) return $"new {(vector.Components[0].IsFloat ? "float" : "double")}[] {{ {string.Join(", ", parts)} }}";
        if (vector.UsesConstructor) return $"new {vector.PropertyType}({string.Join(", ", parts)})";
        return $"new {vector.PropertyType} {{ {string.Join(", ", vector.Components.Select((c, j) => $"{Id(c.Name)} = {parts[j]}"))} }}";
    }

    private static void WriteTryParseFolder(SourceWriter w, SpecModel spec)
    {
        var target = spec.Targets[0];
        w.WriteLines($$"""

            /// <inheritdoc />
            public override bool HasFolderLabels => true;

            /// <inheritdoc />
            public override string? TryParseFolder(string name, [{{TypeNames.MaybeNullWhen}}(true)] out {{spec.FullyQualifiedName}} labels)
            {
            """);
        w.Indent();
        string condition, message;
        if (target is BinaryTargetModel binary)
        {
            condition = $"global::ImageDsl.Specs.TargetText.TryParseBool(name, {Literals.String(binary.NegativeLabel)}, {Literals.String(binary.PositiveLabel)}, out var value)";
            message = $"' is not a value of {binary.Name}; expected {binary.PositiveLabel} or {binary.NegativeLabel}";
        }
        else
        {
            var labels = (LabelTargetModel)target;
            condition = $"{ParseLabel(0)}(name, out var value)";
            message = $"' is not a label of {labels.Name}; expected one of {Expected(labels)}";
        }
        w.WriteLines($$"""
            if ({{condition}})
            {
                labels = {{Create(spec, ["value"])}};
                return null;
            }
            labels = default!;
            return "'" + name + {{Literals.String(message)}};
            """);
        w.CloseBlock();
    }

    private static void WriteBindingEncode(SourceWriter w, SpecModel spec)
    {
        w.WriteLine();
        w.WriteLine("/// <inheritdoc />");
        w.WriteLine($"public override void Encode({spec.FullyQualifiedName} labels, {TypeNames.Span}<float> encoded)");
        w.OpenBlock();
        int offset = 0;
        for (int i = 0; i < spec.Targets.Count; i++)
        {
            var target = spec.Targets[i];
            var value = $"labels.{Id(target.Name)}";
            var o = Literals.Int(offset);
            switch (target)
            {
                case LabelTargetModel labels:
                    w.WriteLine($"encoded[{o}] = {value} switch");
                    w.OpenBlock();
                    for (int j = 0; j < labels.Labels.Count; j++)
                        w.WriteLine($"{LabelValue(labels.EnumType, labels.IsString, labels.Labels[j])} => {Literals.Int(j)},");
                    w.WriteLine($"_ => throw new {TypeNames.ArgumentOutOfRangeException}(nameof(labels), {value}, {Literals.String($"Not a label of {labels.Name}.")}),");
                    w.CloseBlock(";");
                    offset += 1;
                    break;
                case BinaryTargetModel:
                    w.WriteLine($"encoded[{o}] = {value} ? 1f : 0f;");
                    offset += 1;
                    break;
                case MultiLabelTargetModel multi:
                    if (!multi.IsFlags) w.WriteLine($"var set{Literals.Int(i)} = {value};");
                    for (int j = 0; j < multi.Labels.Count; j++)
                    {
                        var label = $"{multi.EnumType}.{Id(multi.Labels[j].Name)}";
                        var present = multi.IsFlags
                            ? $"({value} & {label}) == {label}"
                            : $"set{Literals.Int(i)} is not null && {TypeNames.Enumerable}.Contains(set{Literals.Int(i)}, {label})";
                        w.WriteLine($"encoded[{Literals.Int(offset + j)}] = {present} ? 1f : 0f;");
                    }
                    offset += multi.Labels.Count;
                    break;
                case ScalarTargetModel:
                    w.WriteLine($"encoded[{o}] = (float){value};");
                    offset += 1;
                    break;
                case VectorTargetModel vector:
                    var local = $"vector{Literals.Int(i)}";
                    int n = vector.Components.Count;
                    w.WriteLine($"var {local} = {value};");
                    if (vector.IsArray)
                        w.WriteLine($"if ({local} is null || {local}.Length != {Literals.Int(n)}) throw new {TypeNames.ArgumentException}(" +
                                    $"{Literals.String($"{vector.Name} must have {n} components.")}, nameof(labels));");
                    else if (vector.IsReferenceType)
                        w.WriteLine($"if ({local} is null) throw new {TypeNames.ArgumentException}({Literals.String($"{vector.Name} is null.")}, nameof(labels));");
                    for (int j = 0; j < n; j++)
                        w.WriteLine($"encoded[{Literals.Int(offset + j)}] = (float){local}{(vector.IsArray ? $"[{Literals.Int(j)}]" : "." + Id(vector.Components[j].Name))};");
                    offset += n;
                    break;
            }
        }
        w.CloseBlock();
    }

    /// <summary>Per target: label parsing, and turning decoded outputs back into the property's type.</summary>
    private static void WriteHelpers(SourceWriter w, TargetModel target, int index)
    {
        switch (target)
        {
            case LabelTargetModel labels:
                WriteParseLabel(w, index, labels.EnumType, labels.IsString, labels.Labels);
                break;
            case MultiLabelTargetModel multi:
                WriteParseLabel(w, index, multi.EnumType, false, multi.Labels);
                var returnType = multi.IsFlags ? multi.EnumType : $"{TypeNames.HashSet}<{multi.EnumType}>";
                w.WriteLine();
                w.WriteLine($"internal static {returnType} {FromPresent(index)}(bool[] present)");
                w.OpenBlock();
                w.WriteLine(multi.IsFlags ? $"{multi.EnumType} value = default;" : $"var value = new {returnType}();");
                for (int j = 0; j < multi.Labels.Count; j++)
                {
                    var label = $"{multi.EnumType}.{Id(multi.Labels[j].Name)}";
                    w.WriteLine($"if (present[{Literals.Int(j)}]) {(multi.IsFlags ? $"value |= {label}" : $"value.Add({label})")};");
                }
                w.WriteLine("return value;");
                w.CloseBlock();
                break;
            case VectorTargetModel vector:
                var parts = vector.Components.Select((c, j) => $"values[{Literals.Int(j)}]").ToList();
                w.WriteLine();
                w.WriteLine(vector.IsArray && vector.Components[0].IsFloat
                    ? $"internal static float[] {FromValues(index)}(float[] values) => values;"
                    : $"internal static {vector.PropertyType} {FromValues(index)}(float[] values) => {VectorValue(vector, parts)};");
                break;
        }
    }

    /// <summary>Case-insensitive label names, and an enum member's number as an alias.</summary>
    private static void WriteParseLabel(SourceWriter w, int index, string type, bool isString, EquatableArray<LabelModel> labels)
    {
        w.WriteLine();
        w.WriteLine($"internal static bool {ParseLabel(index)}(string text, out {type} value)");
        w.OpenBlock();
        w.WriteLine("var trimmed = text.Trim();");
        foreach (var label in labels)
        {
            var alias = label.Value is null ? "" : $" || trimmed == {Literals.String(label.Value)}";
            w.WriteLine($"if (string.Equals(trimmed, {Literals.String(label.Name)}, {TypeNames.StringComparison}.OrdinalIgnoreCase){alias})");
            w.OpenBlock();
            w.WriteLine($"value = {LabelValue(type, isString, label)};");
            w.WriteLine("return true;");
            w.CloseBlock();
        }
        w.WriteLine(isString ? "value = \"\";" : "value = default;");
        w.WriteLine("return false;");
        w.CloseBlock();
    }
}
