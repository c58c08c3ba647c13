namespace ImageDsl.Metrics;

/// <summary>
/// Counts of (true class, predicted class) pairs; rows are the true class and columns the
/// predicted one, as scikit-learn's <c>confusion_matrix</c>. Immutable.
/// </summary>
public sealed class ConfusionMatrix
{
    private readonly long[,] _counts;

    internal ConfusionMatrix(IReadOnlyList<string> labels, long[,] counts)
    {
        Labels = labels.ToArray();
        _counts = (long[,])counts.Clone();
    }

    /// <summary>Class names, indexing both rows and columns.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Number of classes (rows and columns).</summary>
    public int Size => Labels.Count;

    /// <summary>How many samples of class <paramref name="actual"/> were predicted as <paramref name="predicted"/>.</summary>
    /// <param name="actual">Row: index of the true class.</param>
    /// <param name="predicted">Column: index of the predicted class.</param>
    public long this[int actual, int predicted] => _counts[actual, predicted];

    /// <summary>Total number of samples counted.</summary>
    public long Total
    {
        get
        {
            long total = 0;
            foreach (var count in _counts)
            {
                total += count;
            }

            return total;
        }
    }

    /// <summary>A copy of the counts as rows (true class) of columns (predicted class).</summary>
    public long[][] ToArray()
    {
        var rows = new long[Size][];
        for (var r = 0; r < Size; r++)
        {
            rows[r] = new long[Size];
            for (var c = 0; c < Size; c++)
            {
                rows[r][c] = _counts[r, c];
            }
        }

        return rows;
    }
}
