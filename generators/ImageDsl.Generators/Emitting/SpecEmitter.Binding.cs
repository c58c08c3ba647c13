using System.Collections.Generic;
using System.Linq;
using ImageDsl.Generators.Model;

namespace ImageDsl.Generators.Emitting;

internal static partial class SpecEmitter
{
    /// <summary>
    /// The data binding: the runtime reads CSV cells and folder names into encoded floats, each
    /// target as its kind reads it; this converts those floats to the typed spec class and back,
    /// spelled out (no reflection, so trimming- and AOT-safe).
    /// </summary>
    private static void WriteBinding(SourceWriter w, SpecModel spec)
    {
        w.WriteLine($"/// <summary>Converts {spec.Name}'s targets between the spec class and the encoded floats the runtime reads and trains on, without reflection.</summary>");
        w.WriteLine(GeneratedCode);
        w.WriteLine($"{spec.ExposedAccessibility} sealed class {GeneratedNames.Binding} : {TypeNames.LabelBinding}<{spec.FullyQualifiedName}>");
        w.OpenBlock();
        w.WriteLines($$"""
            private {{GeneratedNames.Binding}}() : base({{SpecProperty(spec)}}) { }

            /// <summary>The one instance.</summary>
            public static {{GeneratedNames.Binding}} Instance { get; } = new {{GeneratedNames.Binding}}();
            """);
        WriteFromEncoded(w, spec);
        WriteBindingEncode(w, spec);
        for (int i = 0; i < spec.Targets.Count; i++) spec.Targets[i].WriteBindingHelpers(w, i);
        w.CloseBlock();
    }

    /// <summary>The C# expression creating the spec class from one expression per target.</summary>
    private static string Create(SpecModel spec, IReadOnlyList<string> values)
    {
        if (spec.Construction.UsesConstructor)
            return $"new {spec.FullyQualifiedName}({string.Join(", ", spec.Construction.Parameters.Select((p, i) => $"{Id(p)}: {values[i]}"))})";
        return $"new {spec.FullyQualifiedName} {{ {string.Join(", ", spec.Targets.Select((t, i) => $"{Id(t.Name)} = {values[i]}"))} }}";
    }

    private static void WriteFromEncoded(SourceWriter w, SpecModel spec)
    {
        var values = new List<string>();
        int offset = 0;
        for (int i = 0; i < spec.Targets.Count; i++)
        {
            values.Add(spec.Targets[i].FromEncoded(offset, i));
            offset += spec.Targets[i].EncodedWidth;
        }
        w.WriteLine();
        w.WriteLine("/// <inheritdoc />");
        w.WriteLine($"protected override {spec.FullyQualifiedName} FromEncoded({TypeNames.ReadOnlySpan}<float> encoded) =>");
        w.WriteLine($"    {Create(spec, values)};");
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
            target.WriteEncode(w, $"labels.{Id(target.Name)}", offset, i);
            offset += target.EncodedWidth;
        }
        w.CloseBlock();
    }
}
