namespace ImageDsl;

/// <summary>Losses for regression targets, computed on the target scaled into a unit range.</summary>
public enum RegressionLoss
{
    /// <summary>Mean squared error: penalises large errors most; the default.</summary>
    MeanSquaredError = 0,

    /// <summary>Mean absolute error: robust to outliers in the labels.</summary>
    MeanAbsoluteError = 1,

    /// <summary>Huber (smooth L1): squared near zero, absolute beyond <see cref="RangeAttribute.HuberDelta"/>.</summary>
    Huber = 2,
}
