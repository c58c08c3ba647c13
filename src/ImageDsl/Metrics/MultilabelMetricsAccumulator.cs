namespace ImageDsl.Metrics;

/// <summary>
/// Accumulates multi-label classification results sample by sample and computes
/// <see cref="MultilabelMetrics"/> matching scikit-learn 1.2.1.
/// </summary>
/// <remarks>
/// Memory: counts take O(labels), but ROC AUC is a rank metric, so every score is kept
/// (n × labels doubles and flags) until <see cref="Compute"/>. Not thread-safe.
/// </remarks>
public sealed class MultilabelMetricsAccumulator
{
    private readonly string[] _labels;
    private readonly double[] _thresholds;
    private readonly long[] _truePositives, _predicted, _actual;
    private readonly ScoreTable _scores;
    private long _exactRows, _wrongCells;
    private CompensatedSum _samplePrecision, _sampleRecall, _sampleF1;
    private double[] _widened = [];

    /// <summary>Creates an empty accumulator with one threshold for every label.</summary>
    /// <param name="labels">Label names; index <c>i</c> names label <c>i</c>. At least one.</param>
    /// <param name="threshold">Score at or above which a label is predicted.</param>
    public MultilabelMetricsAccumulator(IReadOnlyList<string> labels, double threshold = 0.5)
        : this(labels, Enumerable.Repeat(threshold, labels?.Count ?? 0).ToArray())
    {
    }

    /// <summary>Creates an empty accumulator with a threshold per label.</summary>
    /// <param name="labels">Label names; index <c>i</c> names label <c>i</c>. At least one.</param>
    /// <param name="thresholds">Per label, the score at or above which it is predicted.</param>
    /// <exception cref="ArgumentException">Thresholds and labels differ in number, or a threshold is NaN.</exception>
    public MultilabelMetricsAccumulator(IReadOnlyList<string> labels, IReadOnlyList<double> thresholds)
    {
        _labels = MetricsInput.Labels(labels, minimum: 1, nameof(labels));
        ArgumentNullException.ThrowIfNull(thresholds);
        _thresholds = thresholds.ToArray();
        MetricsInput.Length<double>(_thresholds, _labels.Length, nameof(thresholds));
        if (_thresholds.Any(double.IsNaN))
        {
            throw new ArgumentException("Thresholds must be numbers.", nameof(thresholds));
        }

        _truePositives = new long[_labels.Length];
        _predicted = new long[_labels.Length];
        _actual = new long[_labels.Length];
        _scores = new ScoreTable(_labels.Length);
    }

    /// <summary>Label names, in index order.</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>Number of samples added so far.</summary>
    public long Count { get; private set; }

    /// <summary>Adds one sample.</summary>
    /// <param name="truth">Per label, whether the sample carries it.</param>
    /// <param name="scores">Per label, the model's probability (or score) that the sample carries it.</param>
    /// <exception cref="ArgumentException">A span has the wrong length, or a score is NaN or infinite.</exception>
    public void Add(ReadOnlySpan<bool> truth, ReadOnlySpan<float> scores) =>
        Add(truth, MetricsInput.Widen(scores, ref _widened));

    /// <inheritdoc cref="Add(ReadOnlySpan{bool}, ReadOnlySpan{float})"/>
    public void Add(ReadOnlySpan<bool> truth, ReadOnlySpan<double> scores)
    {
        MetricsInput.Length(truth, _labels.Length, nameof(truth));
        MetricsInput.Length(scores, _labels.Length, nameof(scores));
        MetricsInput.Finite(scores, nameof(scores));

        long rowTruePositives = 0, rowPredicted = 0, rowActual = 0, rowWrong = 0;
        for (var l = 0; l < _labels.Length; l++)
        {
            var predicted = scores[l] >= _thresholds[l];
            if (predicted && truth[l])
            {
                _truePositives[l]++;
                rowTruePositives++;
            }

            if (predicted)
            {
                _predicted[l]++;
                rowPredicted++;
            }

            if (truth[l])
            {
                _actual[l]++;
                rowActual++;
            }

            if (predicted != truth[l])
            {
                rowWrong++;
            }
        }

        _wrongCells += rowWrong;
        if (rowWrong == 0)
        {
            _exactRows++;
        }

        var sample = PrecisionRecallF1.FromCounts(rowTruePositives, rowPredicted, rowActual);
        _samplePrecision.Add(sample.Precision);
        _sampleRecall.Add(sample.Recall);
        _sampleF1.Add(sample.F1);
        _scores.Add(scores, truth);
        Count++;
    }

    /// <summary>Computes the metrics of everything added so far; the accumulator stays usable.</summary>
    public MultilabelMetrics Compute()
    {
        var undefined = new UndefinedMetrics();
        var any = Count > 0;
        double? IfAny(string metric, double value) =>
            undefined.Check(metric, any ? value : null, MetricsInput.NoSamplesReason);

        var perLabel = PrecisionRecallF1.PerClass(_labels, _truePositives, _predicted, _actual);
        var macro = PrecisionRecallF1.Macro(perLabel);
        var micro = PrecisionRecallF1.Micro(_truePositives, _predicted, _actual);
        var weighted = PrecisionRecallF1.Weighted(perLabel);

        return new MultilabelMetrics
        {
            Labels = _labels,
            Thresholds = _thresholds,
            Count = Count,
            SubsetAccuracy = IfAny(nameof(MultilabelMetrics.SubsetAccuracy), (double)_exactRows / Count),
            HammingLoss = IfAny(nameof(MultilabelMetrics.HammingLoss), (double)_wrongCells / (Count * _labels.Length)),
            PrecisionMacro = IfAny(nameof(MultilabelMetrics.PrecisionMacro), macro.Precision),
            PrecisionMicro = IfAny(nameof(MultilabelMetrics.PrecisionMicro), micro.Precision),
            PrecisionWeighted = IfAny(nameof(MultilabelMetrics.PrecisionWeighted), weighted.Precision),
            PrecisionSamples = IfAny(nameof(MultilabelMetrics.PrecisionSamples), _samplePrecision.Value / Count),
            RecallMacro = IfAny(nameof(MultilabelMetrics.RecallMacro), macro.Recall),
            RecallMicro = IfAny(nameof(MultilabelMetrics.RecallMicro), micro.Recall),
            RecallWeighted = IfAny(nameof(MultilabelMetrics.RecallWeighted), weighted.Recall),
            RecallSamples = IfAny(nameof(MultilabelMetrics.RecallSamples), _sampleRecall.Value / Count),
            F1Macro = IfAny(nameof(MultilabelMetrics.F1Macro), macro.F1),
            F1Micro = IfAny(nameof(MultilabelMetrics.F1Micro), micro.F1),
            F1Weighted = IfAny(nameof(MultilabelMetrics.F1Weighted), weighted.F1),
            F1Samples = IfAny(nameof(MultilabelMetrics.F1Samples), _sampleF1.Value / Count),
            RocAucMacro = RocAucMacro(undefined),
            RocAucMicro = undefined.Check(
                nameof(MultilabelMetrics.RocAucMicro),
                _scores.RocAucPooled(),
                any ? "every (sample, label) cell has the same truth: " + RankMetrics.OneClassReason : MetricsInput.NoSamplesReason),
            PerLabel = perLabel,
            UndefinedReasons = undefined.ToDictionary(),
        };
    }

    private double? RocAucMacro(UndefinedMetrics undefined)
    {
        if (Count == 0)
        {
            return undefined.Undefined(nameof(MultilabelMetrics.RocAucMacro), MetricsInput.NoSamplesReason);
        }

        var perLabel = _scores.RocAucPerColumn();
        var missing = Enumerable.Range(0, perLabel.Length).Where(l => perLabel[l] is null).ToArray();
        if (missing.Length > 0)
        {
            return undefined.Undefined(
                nameof(MultilabelMetrics.RocAucMacro),
                "ROC AUC is undefined for label(s) "
                + string.Join(", ", missing.Select(l => $"'{_labels[l]}'"))
                + ": only one class present in y_true for them (always or never true)");
        }

        return perLabel.Average(a => a!.Value);
    }
}
