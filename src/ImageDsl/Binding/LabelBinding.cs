using System.Diagnostics.CodeAnalysis;
using ImageDsl.Specs;

namespace ImageDsl.Binding;

/// <summary>
/// How one spec's typed labels are read from data and encoded for training. The generator
/// writes a subclass per spec (its nested <c>Binding</c> class) with the column names, parsers
/// and constructor calls spelled out, so reading a dataset needs no reflection: it is trimming-
/// and AOT-safe, and as fast as hand-written code.
/// </summary>
/// <typeparam name="TLabels">The spec class, whose instances hold one image's targets.</typeparam>
public abstract class LabelBinding<TLabels>
{
    /// <summary>Creates the binding of <paramref name="spec"/>.</summary>
    protected LabelBinding(ModelSpec spec) => Spec = spec;

    /// <summary>The spec whose targets this binding reads.</summary>
    public ModelSpec Spec { get; }

    /// <summary>
    /// The CSV columns <see cref="TryParse"/> reads, in the order it reads them: one per scalar
    /// target and one per component of a vector target. Matched to the header case-insensitively.
    /// </summary>
    public abstract IReadOnlyList<string> Columns { get; }

    /// <summary>Reads one row whose cells are in <see cref="Columns"/> order; reports every problem to <paramref name="cells"/> and returns false if there was one.</summary>
    public abstract bool TryParse(CsvCells cells, [MaybeNullWhen(false)] out TLabels labels);

    /// <summary>True when a folder-per-label layout can be read: the spec has exactly one multi-class or binary target.</summary>
    public virtual bool HasFolderLabels => false;

    /// <summary>The labels a sub-folder named <paramref name="name"/> stands for; null, or else why the name is no label.</summary>
    public virtual string? TryParseFolder(string name, [MaybeNullWhen(true)] out TLabels labels) =>
        throw new NotSupportedException($"Spec {Spec.Name} cannot be read from label folders.");

    /// <summary>Writes <paramref name="labels"/>' encoded target values (<see cref="ModelSpec.EncodedWidth"/> floats) into <paramref name="encoded"/>.</summary>
    public abstract void Encode(TLabels labels, Span<float> encoded);
}
