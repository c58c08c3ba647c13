using System.Diagnostics.CodeAnalysis;
using ImageDsl.Specs;

namespace ImageDsl.Binding;

/// <summary>
/// How one spec's typed labels are read from data and encoded for training. Reading text is
/// the runtime's, once for every spec: each target's kind parses its own cells or folder name
/// into encoded floats (label lookup, ranges, periodic wrap-around...). The generator writes a
/// subclass per spec (its nested <c>Binding</c> class) that only converts between those floats and
/// the spec's own types, spelled out without reflection, so reading a dataset is trimming- and
/// AOT-safe and as fast as hand-written code.
/// </summary>
/// <typeparam name="TLabels">The spec class, whose instances hold one image's targets.</typeparam>
public abstract class LabelBinding<TLabels>
{
    /// <summary>Creates the binding of <paramref name="spec"/>.</summary>
    protected LabelBinding(ModelSpec spec)
    {
        Spec = spec;
        Columns = spec.Targets.SelectMany(t => t.CsvColumns).ToArray();
    }

    /// <summary>The spec whose targets this binding reads.</summary>
    public ModelSpec Spec { get; }

    /// <summary>
    /// The CSV columns <see cref="TryParse"/> reads, in the order it reads them: one per scalar
    /// target and one per component of a vector target. Matched to the header case-insensitively.
    /// </summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>
    /// Reads one row whose cells are in <see cref="Columns"/> order: each target's kind encodes its
    /// cells, then <see cref="FromEncoded"/> makes the typed labels. Reports every problem to
    /// <paramref name="cells"/> and returns false if there was one.
    /// </summary>
    public bool TryParse(CsvCells cells, [MaybeNullWhen(false)] out TLabels labels)
    {
        var encoded = new float[Spec.EncodedWidth];
        bool ok = true;
        int cell = 0, offset = 0;
        foreach (var target in Spec.Targets)
        {
            ok &= target.Read(cells, cell, encoded.AsSpan(offset, target.EncodedWidth));
            cell += target.CsvColumns.Count;
            offset += target.EncodedWidth;
        }
        labels = ok ? FromEncoded(encoded) : default;
        return ok;
    }

    /// <summary>True when a folder-per-label layout can be read: the spec's only target is one whose values name folders (labels, a yes/no, ranks).</summary>
    public bool HasFolderLabels => Spec.Targets.Count == 1 && Spec.Targets[0].ReadsFolders;

    /// <summary>The labels a sub-folder named <paramref name="name"/> stands for; null, or else why the name is no label.</summary>
    public string? TryParseFolder(string name, [MaybeNullWhen(true)] out TLabels labels)
    {
        if (!HasFolderLabels) throw new NotSupportedException($"Spec {Spec.Name} cannot be read from label folders.");
        var encoded = new float[Spec.EncodedWidth];
        var error = Spec.Targets[0].TryEncode(name, encoded);
        labels = error is null ? FromEncoded(encoded) : default!;
        return error;
    }

    /// <summary>
    /// The typed labels of one image from its encoded floats (<see cref="ModelSpec.EncodedWidth"/>
    /// of them, as the kinds encode: a label's index, 0/1 flags, values in user units).
    /// </summary>
    protected abstract TLabels FromEncoded(ReadOnlySpan<float> encoded);

    /// <summary>One flag per encoded 0/1 float (a multi-label target's labels): present at or above one half.</summary>
    protected static bool[] Present(ReadOnlySpan<float> flags)
    {
        var present = new bool[flags.Length];
        for (int i = 0; i < flags.Length; i++) present[i] = flags[i] >= 0.5f;
        return present;
    }

    /// <summary>Writes <paramref name="labels"/>' encoded target values (<see cref="ModelSpec.EncodedWidth"/> floats) into <paramref name="encoded"/>.</summary>
    public abstract void Encode(TLabels labels, Span<float> encoded);
}

/// <summary>The binding of a spec without generated code: its "labels" are the encoded floats themselves.</summary>
internal sealed class EncodedBinding(ModelSpec spec) : LabelBinding<float[]>(spec)
{
    protected override float[] FromEncoded(ReadOnlySpan<float> encoded) => encoded.ToArray();

    public override void Encode(float[] labels, Span<float> encoded) => labels.CopyTo(encoded);
}
