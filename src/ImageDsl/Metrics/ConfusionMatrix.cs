using System.Collections.ObjectModel;

namespace ImageDsl.Metrics;

/// <summary>
/// Counts of (true class, predicted class) pairs; rows are the true class and columns the
/// predicted one, as scikit-learn's <c>confusion_matrix</c>. Immutable; serializes to JSON
/// as its labels, counts and total.
/// </summary>
public sealed class ConfusionMatrix
{
    private readonly ReadOnlyCollection<long>[] _rows;

    internal ConfusionMatrix(IReadOnlyList<string> labels, long[,] counts)
    {
        Labels = labels.ToArray();
        _rows = new ReadOnlyCollection<long>[Labels.Count];
        for (var r = 0; r < _rows.Length; r++)
        {
            var row = new long[Labels.Count];
            for (var c = 0; c < row.Length; c++)
            {
                row[c] = counts[r, c];
            }

            _rows[r] = Array.AsReadOnly(row);
        }
    }

    /// <summary>Class names, indexing both rows and columns.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>The counts, one row per true class, one column per predicted class.</summary>
    public IReadOnlyList<IReadOnlyList<long>> Counts => _rows;

    /// <summary>How many samples of class <paramref name="actual"/> were predicted as <paramref name="predicted"/>.</summary>
    /// <param name="actual">Row: index of the true class.</param>
    /// <param name="predicted">Column: index of the predicted class.</param>
    public long this[int actual, int predicted] => _rows[actual][predicted];

    /// <summary>Total number of samples counted.</summary>
    public long Total => _rows.Sum(row => row.Sum());

    /// <summary>A mutable copy of the counts as rows (true class) of columns (predicted class).</summary>
    public long[][] ToArray() => _rows.Select(row => row.ToArray()).ToArray();
}
