using System.Linq;
using ImageDsl.Generators.Model;

namespace ImageDsl.Generators.Emitting;

internal static partial class SpecEmitter
{
    private const string TensorModule = TypeNames.Module + "<" + TypeNames.Tensor + ", " + TypeNames.Tensor + ">";
    private const string NetworkBase = TypeNames.Module + "<" + TypeNames.Tensor + ", " + TypeNames.Tensor + "[]>";

    /// <summary>The TorchSharp module: one field per submodule, registered by name, like TorchSharp's own modules.</summary>
    private static void WriteNetwork(SourceWriter w, SpecModel spec)
    {
        var heads = GeneratedNames.HeadFields(spec.Targets.Select(t => t.Name).ToList());
        var outputs = string.Join("; ", spec.Targets.Select(t => t switch
        {
            LabelTargetModel labels => $"{t.Name}: {labels.Labels.Count} logits",
            MultiLabelTargetModel multi => $"{t.Name}: {multi.Labels.Count} logits",
            BinaryTargetModel => $"{t.Name}: 1 logit",
            ScalarTargetModel { Kind: ScalarKind.Periodic } => $"{t.Name}: sine and cosine",
            VectorTargetModel vector => $"{t.Name}: {vector.Components.Count} values",
            _ => $"{t.Name}: 1 value",
        }));

        w.WriteLine($"/// <summary>The network: the {DescribeBackbone(spec)} backbone and one head per target.</summary>");
        w.WriteLine(GeneratedCode);
        w.WriteLine($"public sealed class {GeneratedNames.Network} : {NetworkBase}");
        w.OpenBlock();
        w.WriteLine($"private readonly {TypeNames.BackboneModule} backbone;");
        foreach (var head in heads) w.WriteLine($"private readonly {TensorModule} {head};");
        w.WriteLine();
        w.WriteLine($"/// <summary>Builds an untrained network for <see cref=\"{GeneratedNames.Spec}\"/>.</summary>");
        w.WriteLine($"public {GeneratedNames.Network}() : base({Literals.String(spec.Name)})");
        w.OpenBlock();
        w.WriteLine($"backbone = {TypeNames.Backbones}.Create({SpecProperty(spec)});");
        for (int i = 0; i < heads.Count; i++)
            w.WriteLine($"{heads[i]} = {TypeNames.Heads}.Create({SpecProperty(spec)}.Targets[{Literals.Int(i)}], backbone.FeatureCount);");
        w.WriteLine("RegisterComponents();");
        w.CloseBlock();
        w.WriteLine();
        w.WriteLine($"/// <summary>Images in, one output tensor per target out ({outputs}).</summary>");
        w.WriteLine($"public override {TypeNames.Tensor}[] forward({TypeNames.Tensor} images)");
        w.OpenBlock();
        w.WriteLine("using var features = backbone.call(images);");
        w.WriteLine($"return new[] {{ {string.Join(", ", heads.Select(h => h + ".call(features)"))} }};");
        w.CloseBlock();
        w.CloseBlock();
    }

    /// <summary>
    /// The spec class's static <c>Spec</c>, fully qualified: inside <c>Model</c> the simple name
    /// would bind to the inherited instance property.
    /// </summary>
    private static string SpecProperty(SpecModel spec) => $"{spec.FullyQualifiedName}.{GeneratedNames.Spec}";
}
