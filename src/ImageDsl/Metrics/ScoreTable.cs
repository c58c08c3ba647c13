namespace ImageDsl.Metrics;

/// <summary>
/// Every score seen, row by row, with its truth: the memory ROC AUC needs, since a rank
/// metric cannot be computed from running sums. Holds n × columns doubles and flags.
/// </summary>
internal sealed class ScoreTable(int columns)
{
    private readonly List<double> _scores = [];
    private readonly List<bool> _truth = [];

    public int Columns { get; } = columns;

    public void Add(ReadOnlySpan<double> scores, ReadOnlySpan<bool> truth)
    {
        for (var c = 0; c < Columns; c++)
        {
            _scores.Add(scores[c]);
            _truth.Add(truth[c]);
        }
    }

    /// <summary>Adds a single-label row: only <paramref name="trueColumn"/> is positive.</summary>
    public void Add(ReadOnlySpan<double> scores, int trueColumn)
    {
        for (var c = 0; c < Columns; c++)
        {
            _scores.Add(scores[c]);
            _truth.Add(c == trueColumn);
        }
    }

    /// <summary>ROC AUC of each column against its own truth; null where a column's truth holds one class.</summary>
    public double?[] RocAucPerColumn()
    {
        var rows = _scores.Count / Columns;
        var result = new double?[Columns];
        for (var c = 0; c < Columns; c++)
        {
            var scores = new double[rows];
            var truth = new bool[rows];
            for (var r = 0; r < rows; r++)
            {
                scores[r] = _scores[r * Columns + c];
                truth[r] = _truth[r * Columns + c];
            }

            result[c] = RankMetrics.RocAuc(scores, truth);
        }

        return result;
    }

    /// <summary>ROC AUC of all cells pooled into one ranking (scikit-learn's micro average).</summary>
    public double? RocAucPooled() => RankMetrics.RocAuc([.. _scores], [.. _truth]);
}
