using ImageDsl.Specs;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ImageDsl.Networks;

/// <summary>
/// The network of a spec: its backbone, then one head per target as the target's kind builds it,
/// registered under fixed names: <see cref="BackboneName"/> and the head names the generated code
/// gives (which are also the parameter names in model files). The ONNX exporter finds the parts by
/// those names. A generated <c>Network</c> only passes its spec and head names.
/// </summary>
public abstract class SpecNetwork : Module<Tensor, Tensor[]>
{
    /// <summary>The backbone's module name.</summary>
    public const string BackboneName = "backbone";

    private readonly Module<Tensor, Tensor>?[] heads;
    // A dense target's decoder, in place of its head; null for every other target.
    private readonly Module<Tensor[], Tensor>?[] mapHeads;

    /// <summary>Builds an untrained network for <paramref name="spec"/>.</summary>
    /// <param name="name">The module's name.</param>
    /// <param name="spec">The spec: backbone and targets.</param>
    /// <param name="headNames">The module name of each target's head, in target order.</param>
    /// <param name="backbone">A backbone to use instead of the spec's (tests and experiments); null for the spec's.</param>
    protected SpecNetwork(string name, ModelSpec spec, IReadOnlyList<string> headNames, BackboneModule? backbone = null) : base(name)
    {
        if (headNames.Count != spec.Targets.Count)
            throw new ArgumentException($"{spec.Name} has {spec.Targets.Count} targets; {headNames.Count} head names were given.", nameof(headNames));
        if (headNames.Distinct(StringComparer.Ordinal).Count() != headNames.Count || headNames.Contains(BackboneName))
            throw new ArgumentException($"Head names must be distinct and not '{BackboneName}': {string.Join(", ", headNames)}.", nameof(headNames));
        Spec = spec;
        HeadNames = headNames.ToArray();
        Backbone = backbone ?? Backbones.Create(spec);
        register_module(BackboneName, Backbone);
        heads = new Module<Tensor, Tensor>?[spec.Targets.Count];
        mapHeads = new Module<Tensor[], Tensor>?[spec.Targets.Count];
        IReadOnlyList<(int, int, int)>? shapes = null;
        for (int t = 0; t < heads.Length; t++)
        {
            if (spec.Targets[t].ReadsFeatureMaps)
            {
                shapes ??= Backbone.MapShapes(spec.Input);
                mapHeads[t] = spec.Targets[t].CreateMapHead(shapes);
                register_module(HeadNames[t], mapHeads[t]!);
            }
            else
            {
                heads[t] = Heads.Create(spec.Targets[t], Backbone.FeatureCount);
                register_module(HeadNames[t], heads[t]!);
            }
        }
        readsMaps = shapes is not null;
    }

    /// <summary>The spec the network was built for.</summary>
    public ModelSpec Spec { get; }

    /// <summary>The shared feature extractor.</summary>
    public BackboneModule Backbone { get; }

    /// <summary>Each target's head module name, in target order.</summary>
    public IReadOnlyList<string> HeadNames { get; }

    private readonly bool readsMaps;

    /// <summary>The head of target <paramref name="target"/> (a dense target has a decoder instead: <see cref="Decoder"/>).</summary>
    public Module<Tensor, Tensor> Head(int target) =>
        heads[target] ?? throw new InvalidOperationException($"{Spec.Targets[target].Name} is a dense target: it has a decoder over the backbone's feature maps, not a head over its features.");

    /// <summary>The decoder of dense target <paramref name="target"/>, or null for a target with a head.</summary>
    public Module<Tensor[], Tensor>? Decoder(int target) => mapHeads[target];

    /// <summary>Images in, one output tensor per target out, in target order.</summary>
    public override Tensor[] forward(Tensor images)
    {
        var outputs = new Tensor[heads.Length];
        if (!readsMaps)
        {
            using var features = Backbone.call(images);
            for (int t = 0; t < heads.Length; t++) outputs[t] = heads[t]!.call(features);
            return outputs;
        }
        using var scope = NewDisposeScope();
        var (pooled, maps) = Backbone.ForwardMaps(images);
        for (int t = 0; t < heads.Length; t++)
            outputs[t] = (mapHeads[t] is { } decoder ? decoder.call(maps) : heads[t]!.call(pooled)).MoveToOuterDisposeScope();
        return outputs;
    }
}
