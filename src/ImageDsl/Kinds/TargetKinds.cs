// This one file is compiled into two assemblies: the runtime (ImageDsl) and the generator
// (ImageDsl.Generators, netstandard2.0; see its csproj), together with LossFunction.cs and
// Metric.cs. So the analyzer and the runtime agree by construction on what each target kind
// is called, which losses and metrics it allows, and which it uses by default. Keep it to what
// netstandard2.0 has and free of runtime types.
#if IMAGEDSL_GENERATOR
namespace ImageDsl.Generators.Shared;
#else
namespace ImageDsl.Specs;
#endif

#pragma warning disable IDE0300, IDE0301 // collection expressions read worse in a table, and netstandard2.0 has them only through PolySharp

/// <summary>
/// The rules of one target kind: its id (the one word for it in model files, reports and
/// messages), the losses it accepts (the first is its default) and the metrics it computes
/// (the headline ones first among them by default).
/// </summary>
internal sealed class TargetKind
{
    public TargetKind(string id, string description, LossFunction[] losses, Metric[] metrics, Metric[] defaultMetrics)
    {
        Id = id;
        Description = description;
        Losses = losses;
        Metrics = metrics;
        DefaultMetrics = defaultMetrics;
    }

    /// <summary>The kind's id: <c>labels</c>, <c>binary</c>, <c>range</c>...</summary>
    public string Id { get; }

    /// <summary>What the kind is, for messages: "multi-class labels", "a bounded range"...</summary>
    public string Description { get; }

    /// <summary>The losses a target of this kind may declare; <c>LossFunction.Default</c> means the first.</summary>
    public LossFunction[] Losses { get; }

    /// <summary>The metrics a target of this kind may name as its headline (<c>Metrics = ...</c>).</summary>
    public Metric[] Metrics { get; }

    /// <summary>The headline metrics of a target that names none.</summary>
    public Metric[] DefaultMetrics { get; }

    /// <summary>The loss <paramref name="declared"/> stands for: the kind's default for <c>LossFunction.Default</c>.</summary>
    public LossFunction Resolve(LossFunction declared) => declared == LossFunction.Default ? Losses[0] : declared;

    /// <summary>True when a target of this kind may be trained with <paramref name="loss"/>.</summary>
    public bool Allows(LossFunction loss) => loss == LossFunction.Default || System.Array.IndexOf(Losses, loss) >= 0;

    /// <summary>True when <paramref name="metric"/> is computed for a target of this kind.</summary>
    public bool Computes(Metric metric) => System.Array.IndexOf(Metrics, metric) >= 0;
}

/// <summary>Every target kind, one row each.</summary>
internal static class TargetKinds
{
    private static readonly LossFunction[] RegressionLosses =
        { LossFunction.MeanSquaredError, LossFunction.MeanAbsoluteError, LossFunction.Huber, LossFunction.SmoothL1 };

    public static readonly TargetKind Labels = new("labels", "multi-class labels",
        new[] { LossFunction.CrossEntropy, LossFunction.CategoricalHinge },
        new[] { Metric.Accuracy, Metric.BalancedAccuracy, Metric.Precision, Metric.Recall, Metric.F1, Metric.RocAuc, Metric.LogLoss },
        new[] { Metric.Accuracy, Metric.F1 });

    public static readonly TargetKind Binary = new("binary", "a yes/no label",
        new[] { LossFunction.BinaryCrossEntropy, LossFunction.Hinge },
        new[] { Metric.Accuracy, Metric.Precision, Metric.Recall, Metric.F1, Metric.RocAuc, Metric.LogLoss },
        new[] { Metric.Accuracy, Metric.F1, Metric.RocAuc });

    public static readonly TargetKind MultiLabel = new("multilabel", "a set of labels",
        new[] { LossFunction.BinaryCrossEntropy },
        new[] { Metric.SubsetAccuracy, Metric.HammingLoss, Metric.Precision, Metric.Recall, Metric.F1, Metric.RocAuc },
        new[] { Metric.SubsetAccuracy, Metric.HammingLoss, Metric.F1 });

    public static readonly TargetKind Ordinal = new("ordinal", "ordered ranks",
        new[] { LossFunction.BinaryCrossEntropy },
        new[] { Metric.Accuracy, Metric.Mae, Metric.Rmse, Metric.WithinOneRank, Metric.QuadraticKappa },
        new[] { Metric.Mae, Metric.QuadraticKappa, Metric.Accuracy });

    public static readonly TargetKind Range = new("range", "a bounded value",
        RegressionLosses, new[] { Metric.Mae, Metric.Rmse, Metric.R2, Metric.MaxError }, new[] { Metric.Mae, Metric.Rmse });

    public static readonly TargetKind Periodic = new("periodic", "a periodic value",
        RegressionLosses, new[] { Metric.Mae, Metric.Rmse, Metric.MaxError }, new[] { Metric.Mae, Metric.Rmse });

    public static readonly TargetKind Value = new("value", "an unbounded value",
        RegressionLosses, new[] { Metric.Mae, Metric.Rmse, Metric.R2, Metric.MaxError }, new[] { Metric.Mae, Metric.Rmse, Metric.R2 });

    public static readonly TargetKind Vector = new("vector", "a vector",
        RegressionLosses, new[] { Metric.Mae, Metric.Rmse, Metric.R2 }, new[] { Metric.Mae, Metric.Rmse });

    public static readonly TargetKind Points = new("points", "points in the image",
        RegressionLosses, new[] { Metric.Mae, Metric.Rmse, Metric.R2 }, new[] { Metric.Mae, Metric.Rmse });

    public static readonly TargetKind Box = new("box", "a bounding box",
        new[] { LossFunction.SmoothL1, LossFunction.MeanSquaredError, LossFunction.MeanAbsoluteError, LossFunction.Huber },
        new[] { Metric.Mae, Metric.Rmse, Metric.R2, Metric.MeanIoU }, new[] { Metric.MeanIoU, Metric.Mae });

    public static readonly TargetKind Map = new("map", "a per-pixel value map",
        new[] { LossFunction.MeanAbsoluteError, LossFunction.MeanSquaredError, LossFunction.Huber, LossFunction.ScaleInvariantLog },
        new[] { Metric.AbsRel, Metric.SqRel, Metric.Rmse, Metric.RmseLog, Metric.Delta1, Metric.Delta2, Metric.Delta3, Metric.Mae },
        new[] { Metric.AbsRel, Metric.Rmse, Metric.Delta1 });

    public static readonly TargetKind Mask = new("mask", "a per-pixel label mask",
        new[] { LossFunction.CrossEntropy, LossFunction.CrossEntropyDice },
        new[] { Metric.PixelAccuracy, Metric.MeanIoU, Metric.Dice },
        new[] { Metric.PixelAccuracy, Metric.MeanIoU });

    /// <summary>
    /// The losses trained on raw scores, not probabilities (the hinge losses): a prediction then
    /// carries the scores, a label is the top score (a yes/no is true at or above 0), and log
    /// loss, label smoothing and a probability threshold do not apply.
    /// </summary>
    public static readonly LossFunction[] RawScoreLosses = { LossFunction.CategoricalHinge, LossFunction.Hinge };

    /// <summary>True when <paramref name="loss"/> is trained on raw scores (<see cref="RawScoreLosses"/>).</summary>
    public static bool GivesRawScores(LossFunction loss) => System.Array.IndexOf(RawScoreLosses, loss) >= 0;

    /// <summary>True when the <c>LossFunction</c> member named <paramref name="loss"/> is trained on raw scores.</summary>
    public static bool GivesRawScores(string loss) =>
        System.Enum.TryParse<LossFunction>(loss, out var parsed) && GivesRawScores(parsed);

    /// <summary>Every kind, in the order documentation lists them.</summary>
    public static readonly TargetKind[] All = { Labels, Binary, MultiLabel, Ordinal, Range, Periodic, Value, Vector, Points, Box, Map, Mask };

    /// <summary>The kind with id <paramref name="id"/>, or null.</summary>
    public static TargetKind? Find(string id)
    {
        foreach (var kind in All)
            if (kind.Id == id) return kind;
        return null;
    }
}
