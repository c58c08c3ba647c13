namespace ImageDsl.Metrics;

/// <summary>
/// Metrics of an ordinal target (ranks 0 … K − 1, in order) over a dataset. Errors are in
/// ranks: predicted rank − true rank. Agrees with scikit-learn 1.2.1 given <c>labels</c> =
/// every rank (<c>range(K)</c>). A metric that is undefined for the data seen is <c>null</c>,
/// and <see cref="UndefinedReasons"/> says why.
/// </summary>
public sealed record OrdinalMetrics
{
    /// <summary>Rank names, lowest rank first.</summary>
    public required IReadOnlyList<string> Labels { get; init; }

    /// <summary>Number of samples seen.</summary>
    public required long Count { get; init; }

    /// <summary>Share of samples whose predicted rank is the true rank.</summary>
    public required double? Accuracy { get; init; }

    /// <summary>Mean absolute difference between the predicted and the true rank.</summary>
    public required double? Mae { get; init; }

    /// <summary>Root of the mean squared difference between the predicted and the true rank.</summary>
    public required double? Rmse { get; init; }

    /// <summary>Share of samples whose predicted rank is at most one rank away from the true one.</summary>
    public required double? WithinOneRank { get; init; }

    /// <summary>
    /// Cohen's kappa with quadratic weights (i − j)² over all K ranks: scikit-learn's
    /// <c>cohen_kappa_score(y_true, y_pred, weights="quadratic", labels=range(K))</c>. Without
    /// <c>labels</c>, scikit-learn weights by position among the ranks present, which differs
    /// when a rank between two present ones never occurs. Undefined when the chance-expected
    /// disagreement is 0 (every true and predicted rank the same single rank), where
    /// scikit-learn returns NaN.
    /// </summary>
    public required double? QuadraticWeightedKappa { get; init; }

    /// <summary>Mean absolute difference between the model's expected rank (a number) and the true rank.</summary>
    public required double? ExpectedRankMae { get; init; }

    /// <summary>Root of the mean squared difference between the model's expected rank and the true rank.</summary>
    public required double? ExpectedRankRmse { get; init; }

    /// <summary>Counts of (true rank, predicted rank); rows are the true rank.</summary>
    public required ConfusionMatrix ConfusionMatrix { get; init; }

    /// <summary>For every metric that is <c>null</c>, keyed by its property name: why it is undefined.</summary>
    public required IReadOnlyDictionary<string, string> UndefinedReasons { get; init; }

    /// <summary>
    /// How many samples have each signed rank error, predicted − true: index <c>e + K − 1</c>
    /// counts error <c>e</c>, from −(K − 1) to K − 1 (the data of a rank-error histogram).
    /// </summary>
    public long[] ErrorCounts()
    {
        var k = Labels.Count;
        var counts = new long[2 * k - 1];
        for (var actual = 0; actual < k; actual++)
        {
            for (var predicted = 0; predicted < k; predicted++)
            {
                counts[predicted - actual + k - 1] += ConfusionMatrix[actual, predicted];
            }
        }

        return counts;
    }
}
