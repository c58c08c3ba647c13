namespace ImageDsl.Metrics;

/// <summary>
/// Accumulates single-label classification results batch by batch and computes
/// <see cref="MulticlassMetrics"/> matching scikit-learn 1.2.1.
/// </summary>
/// <remarks>
/// Memory: counts take O(classes²), but ROC AUC is a rank metric, so every probability row
/// is kept (n × classes doubles) until <see cref="Compute"/>. Not thread-safe: add from one
/// thread, or lock around <c>Add</c>.
/// </remarks>
public sealed class MulticlassMetricsAccumulator
{
    private const int TopK = 3;

    private readonly string[] _labels;
    private readonly long[,] _confusion;
    private readonly ScoreTable _scores;
    private CompensatedSum _logLoss;
    private long _topKHits;
    private double[] _widened = [];

    /// <summary>Creates an empty accumulator for the given classes.</summary>
    /// <param name="labels">Class names; index <c>i</c> names class <c>i</c>. At least two.</param>
    public MulticlassMetricsAccumulator(IReadOnlyList<string> labels)
    {
        _labels = MetricsInput.Labels(labels, minimum: 2, nameof(labels));
        _confusion = new long[_labels.Length, _labels.Length];
        _scores = new ScoreTable(_labels.Length);
    }

    /// <summary>Class names, in index order.</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>Number of samples added so far.</summary>
    public long Count { get; private set; }

    /// <summary>Adds one sample.</summary>
    /// <param name="trueClass">Index of the true class.</param>
    /// <param name="probabilities">One probability per class (any finite scores work for everything but log loss).</param>
    /// <exception cref="ArgumentException">Wrong number of probabilities, or a NaN or infinite one.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="trueClass"/> is not a class index.</exception>
    public void Add(int trueClass, ReadOnlySpan<float> probabilities) =>
        Add(trueClass, MetricsInput.Widen(probabilities, ref _widened));

    /// <inheritdoc cref="Add(int, ReadOnlySpan{float})"/>
    public void Add(int trueClass, ReadOnlySpan<double> probabilities)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trueClass);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(trueClass, _labels.Length);
        MetricsInput.Length(probabilities, _labels.Length, nameof(probabilities));
        MetricsInput.Finite(probabilities, nameof(probabilities));

        _confusion[trueClass, ArgMax(probabilities)]++;
        _logLoss.Add(LogLoss.Multiclass(trueClass, probabilities));
        if (RankOf(trueClass, probabilities) < TopK)
        {
            _topKHits++;
        }

        _scores.Add(probabilities, trueClass);
        Count++;
    }

    /// <summary>Computes the metrics of everything added so far; the accumulator stays usable.</summary>
    public MulticlassMetrics Compute()
    {
        var k = _labels.Length;
        var truePositives = new long[k];
        var predicted = new long[k];
        var actual = new long[k];
        for (var t = 0; t < k; t++)
        {
            for (var p = 0; p < k; p++)
            {
                actual[t] += _confusion[t, p];
                predicted[p] += _confusion[t, p];
            }

            truePositives[t] = _confusion[t, t];
        }

        var perClass = PrecisionRecallF1.PerClass(_labels, truePositives, predicted, actual);
        var undefined = new UndefinedMetrics();
        var any = Count > 0;
        double? IfAny(string metric, double value) =>
            undefined.Check(metric, any ? value : null, MetricsInput.NoSamplesReason);

        var macro = PrecisionRecallF1.Macro(perClass);
        var micro = PrecisionRecallF1.Micro(truePositives, predicted, actual);
        var weighted = PrecisionRecallF1.Weighted(perClass);
        var (aucMacro, aucWeighted) = RocAuc(actual, undefined);

        return new MulticlassMetrics
        {
            Labels = _labels,
            Count = Count,
            Accuracy = IfAny(nameof(MulticlassMetrics.Accuracy), (double)truePositives.Sum() / Count),
            BalancedAccuracy = IfAny(nameof(MulticlassMetrics.BalancedAccuracy), BalancedAccuracy(perClass)),
            LogLoss = IfAny(nameof(MulticlassMetrics.LogLoss), _logLoss.Value / Count),
            RocAucMacro = aucMacro,
            RocAucWeighted = aucWeighted,
            Top3Accuracy = k > TopK
                ? IfAny(nameof(MulticlassMetrics.Top3Accuracy), (double)_topKHits / Count)
                : undefined.Undefined(
                    nameof(MulticlassMetrics.Top3Accuracy),
                    $"k ({TopK}) >= number of classes ({k}): every sample is a top-{TopK} hit, so the score is meaningless"),
            PrecisionMacro = IfAny(nameof(MulticlassMetrics.PrecisionMacro), macro.Precision),
            PrecisionMicro = IfAny(nameof(MulticlassMetrics.PrecisionMicro), micro.Precision),
            PrecisionWeighted = IfAny(nameof(MulticlassMetrics.PrecisionWeighted), weighted.Precision),
            RecallMacro = IfAny(nameof(MulticlassMetrics.RecallMacro), macro.Recall),
            RecallMicro = IfAny(nameof(MulticlassMetrics.RecallMicro), micro.Recall),
            RecallWeighted = IfAny(nameof(MulticlassMetrics.RecallWeighted), weighted.Recall),
            F1Macro = IfAny(nameof(MulticlassMetrics.F1Macro), macro.F1),
            F1Micro = IfAny(nameof(MulticlassMetrics.F1Micro), micro.F1),
            F1Weighted = IfAny(nameof(MulticlassMetrics.F1Weighted), weighted.F1),
            PerClass = perClass,
            ConfusionMatrix = new ConfusionMatrix(_labels, _confusion),
            UndefinedReasons = undefined.ToDictionary(),
        };
    }

    /// <summary>Index of the largest value; the first one on ties, as numpy's argmax.</summary>
    private static int ArgMax(ReadOnlySpan<double> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>
    /// 0-based position of <paramref name="trueClass"/> in scikit-learn's top-k order: a stable
    /// ascending sort reversed, so among equal scores the higher index ranks first.
    /// </summary>
    private static int RankOf(int trueClass, ReadOnlySpan<double> scores)
    {
        var score = scores[trueClass];
        var rank = 0;
        for (var j = 0; j < scores.Length; j++)
        {
            if (scores[j] > score || (scores[j] == score && j > trueClass))
            {
                rank++;
            }
        }

        return rank;
    }

    /// <summary>NaN when nothing was added; the caller reports that as undefined.</summary>
    private static double BalancedAccuracy(IReadOnlyList<ClassMetrics> perClass) =>
        perClass.Where(c => c.Support > 0).Select(c => c.Recall).DefaultIfEmpty(double.NaN).Average();

    private (double? Macro, double? Weighted) RocAuc(long[] support, UndefinedMetrics undefined)
    {
        const string macroName = nameof(MulticlassMetrics.RocAucMacro);
        const string weightedName = nameof(MulticlassMetrics.RocAucWeighted);
        var perClass = _scores.RocAucPerColumn();
        var missing = Enumerable.Range(0, perClass.Length).Where(c => perClass[c] is null).ToArray();
        if (Count == 0 || missing.Length > 0)
        {
            var reason = Count == 0
                ? MetricsInput.NoSamplesReason
                : "one-vs-rest ROC AUC is undefined for class(es) "
                  + string.Join(", ", missing.Select(c => $"'{_labels[c]}'"))
                  + ": only one class present in y_true for them (a class absent from, or alone in, the truth)";
            return (undefined.Undefined(macroName, reason), undefined.Undefined(weightedName, reason));
        }

        var macro = perClass.Average(a => a!.Value);
        var weighted = Enumerable.Range(0, perClass.Length).Sum(c => perClass[c]!.Value * support[c]) / Count;
        return (macro, weighted);
    }
}
