using System.Linq;
using ImageDsl.Generators.Model;

namespace ImageDsl.Generators.Emitting;

internal static partial class SpecEmitter
{
    /// <summary>
    /// The TorchSharp module: the runtime's <c>SpecNetwork</c> builds the backbone and each
    /// target's head; the generated class names the heads, which are the model file's names.
    /// </summary>
    private static void WriteNetwork(SourceWriter w, SpecModel spec)
    {
        var heads = GeneratedNames.HeadFields(spec.Targets.Select(t => t.Name).ToList());
        var outputs = string.Join("; ", spec.Targets.Select(t => $"{t.Name}: {t.Outputs}"));
        w.WriteLine($"/// <summary>The network: the {DescribeBackbone(spec)} backbone and one head per target ({Literals.XmlText(outputs)}).</summary>");
        w.WriteLine(GeneratedCode);
        w.WriteLine($"public sealed class {GeneratedNames.Network} : {TypeNames.SpecNetwork}");
        w.OpenBlock();
        w.WriteLine($"/// <summary>Builds an untrained network for <see cref=\"{GeneratedNames.Spec}\"/>.</summary>");
        w.WriteLine($"public {GeneratedNames.Network}() : base({Literals.String(spec.Name)}, {SpecProperty(spec)}, new[] {{ {string.Join(", ", heads.Select(h => Literals.String(h)))} }}) {{ }}");
        w.CloseBlock();
    }

    /// <summary>
    /// The spec class's static <c>Spec</c>, fully qualified: inside <c>Model</c> the simple name
    /// would bind to the inherited instance property.
    /// </summary>
    private static string SpecProperty(SpecModel spec) => $"{spec.FullyQualifiedName}.{GeneratedNames.Spec}";
}
