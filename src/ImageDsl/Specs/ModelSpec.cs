using System.Text.Json.Serialization;

namespace ImageDsl.Specs;

/// <summary>
/// Everything a trained model depends on besides its weights: input size, backbone and
/// targets. The generator builds one from the attributes of a spec class; it is saved with
/// every model file and compared on load.
/// </summary>
/// <param name="Name">The spec class's full name, for messages.</param>
/// <param name="Input">The size and channel count images are converted to.</param>
/// <param name="Backbone">The shared feature extractor.</param>
/// <param name="Targets">The targets, in declaration order; network head <c>i</c> predicts <c>Targets[i]</c>.</param>
public sealed record ModelSpec(string Name, InputSpec Input, Backbone Backbone, IReadOnlyList<TargetSpec> Targets)
{
    /// <summary>
    /// <see cref="ImageModelAttribute.BackboneBlocks"/>: how many blocks a <see cref="Backbone.PlainCnn"/>
    /// has, or 0 for its default. Model files saved before it existed read as 0, which is what
    /// their networks were built with; and 0 is not written, so a default-shaped spec reads and
    /// compares exactly as before.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int BackboneBlocks { get; init; }

    /// <summary><see cref="ImageModelAttribute.BackboneWidth"/>: the channels of a <see cref="Backbone.PlainCnn"/>'s first block, or 0 for its default.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int BackboneWidth { get; init; }

    /// <summary><see cref="ImageModelAttribute.BackboneGrid"/>: the cells a side a <see cref="Backbone.PlainCnn"/> flattens its final map into, or 0 to average it globally.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int BackboneGrid { get; init; }

    /// <summary>Total number of floats one sample's encoded targets take (see <see cref="TargetSpec.EncodedWidth"/>).</summary>
    [JsonIgnore]
    public int EncodedWidth => Targets.Sum(t => t.EncodedWidth);

    /// <summary>The column where target <paramref name="index"/>'s encoded values start.</summary>
    public int EncodedOffset(int index) => Targets.Take(index).Sum(t => t.EncodedWidth);

    /// <summary>Finds a target by name (case-insensitive), or throws naming the known targets.</summary>
    public TargetSpec Target(string name) =>
        Targets.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Spec {Name} has no target '{name}'; its targets are {string.Join(", ", Targets.Select(t => t.Name))}.", nameof(name));
}

/// <summary>The image geometry a model takes.</summary>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Channels">1 (grayscale) or 3 (RGB).</param>
public sealed record InputSpec(int Width, int Height, int Channels)
{
    /// <summary>Floats per image.</summary>
    [JsonIgnore]
    public int Size => Width * Height * Channels;

    /// <inheritdoc />
    public override string ToString() => $"{Width}x{Height}x{Channels}";
}
