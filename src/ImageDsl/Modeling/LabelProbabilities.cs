using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace ImageDsl.Modeling;

/// <summary>The probability of each label, in the spec's label order; indexable by label.</summary>
/// <typeparam name="TLabel">The label type (an enum).</typeparam>
public sealed class LabelProbabilities<TLabel> : IReadOnlyDictionary<TLabel, float> where TLabel : notnull
{
    private readonly TLabel[] labels;
    private readonly float[] probabilities;

    /// <summary>Pairs labels with their probabilities; both in the spec's label order.</summary>
    public LabelProbabilities(TLabel[] labels, float[] probabilities)
    {
        if (labels.Length != probabilities.Length) throw new ArgumentException($"{labels.Length} labels but {probabilities.Length} probabilities.");
        this.labels = labels;
        this.probabilities = probabilities;
    }

    /// <summary>The probability of <paramref name="label"/>.</summary>
    public float this[TLabel label] => TryGetValue(label, out var p) ? p : throw new KeyNotFoundException($"{label} is not a label of this target.");

    /// <summary>The <paramref name="count"/> most probable labels, most probable first.</summary>
    public IReadOnlyList<KeyValuePair<TLabel, float>> Top(int count) =>
        this.OrderByDescending(pair => pair.Value).Take(count).ToArray();

    /// <inheritdoc />
    public IEnumerable<TLabel> Keys => labels;

    /// <inheritdoc />
    public IEnumerable<float> Values => probabilities;

    /// <inheritdoc />
    public int Count => labels.Length;

    /// <inheritdoc />
    public bool ContainsKey(TLabel key) => Array.IndexOf(labels, key) >= 0;

    /// <inheritdoc />
    public bool TryGetValue(TLabel key, [MaybeNullWhen(false)] out float value)
    {
        int index = Array.IndexOf(labels, key);
        value = index >= 0 ? probabilities[index] : 0f;
        return index >= 0;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<TLabel, float>> GetEnumerator()
    {
        for (int i = 0; i < labels.Length; i++) yield return new(labels[i], probabilities[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => string.Join(", ", Top(3).Select(p => $"{p.Key}: {p.Value:P1}"));
}
