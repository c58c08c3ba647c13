using ImageDsl.Calibration;
using ImageDsl.Data;
using ImageDsl.Evaluation;
using static TorchSharp.torch;

namespace ImageDsl.Modeling;

public abstract partial class ImageModel<TLabels, TPrediction>
{
    /// <summary>
    /// What calibration on held-out images added to the model (temperatures, prediction intervals);
    /// saved with it, used by <c>Predict</c>, <c>Evaluate</c> and <see cref="ExportOnnx"/>.
    /// </summary>
    public ModelCalibration Calibration
    {
        get => calibration ??= ModelCalibration.None(Spec.Targets.Count);
        private set => calibration = value;
    }

    private ModelCalibration? calibration;

    /// <summary>
    /// Temperature scaling of every classification target (multi-class, yes/no, and each label of a
    /// multi-label target): fits on <paramref name="validation"/> the temperature that makes its
    /// probabilities most likely, so that a prediction made with 80 % confidence is right about 80 %
    /// of the time. Predicted labels do not change. Use images the model did not train on.
    /// </summary>
    /// <returns>The evaluation of <paramref name="validation"/> before and after, with each target's fit.</returns>
    /// <exception cref="InvalidOperationException">The model is untrained, or no target has probabilities to calibrate.</exception>
    public CalibrationReport Calibrate(ImageDataset validation)
    {
        using var lease = usage.Enter("be calibrated");
        RequireTrained("be calibrated");
        CheckDataset(validation, nameof(validation));
        var previous = Calibration;
        try
        {
            return FitTemperatures(validation);
        }
        catch
        {
            Calibration = previous; // a failed calibration leaves the model as it was
            throw;
        }
    }

    private CalibrationReport FitTemperatures(ImageDataset validation)
    {
        var cleared = new ModelCalibration(Calibration.Targets.Select(t => t with { Temperatures = null, TemperatureFit = null }).ToArray());
        Calibration = cleared;
        var before = Score(validation);
        var (logits, truths, count) = RawOutputs(validation);

        var fitted = cleared;
        var skipped = new List<string>();
        for (int t = 0; t < Spec.Targets.Count; t++)
        {
            var target = Spec.Targets[t];
            var truth = Columns(truths, count, Spec.EncodedWidth, Spec.EncodedOffset(t), target.EncodedWidth);
            if (target.FitTemperatures(logits[t], truth) is { } temperatures)
                fitted = fitted.With(t, fitted.Targets[t] with { Temperatures = temperatures });
            else skipped.Add($"{target.Name} ({target.KindName})");
        }
        if (fitted.Targets.All(t => t.Temperatures is null))
            throw new InvalidOperationException(
                $"{Spec.Name} has no target with probabilities to calibrate (a multi-class, yes/no or multi-label target trained on cross-entropy): its targets are {string.Join(", ", skipped)}.");

        Calibration = fitted;
        var after = Score(validation);
        for (int t = 0; t < Spec.Targets.Count; t++)
        {
            if (fitted.Targets[t].Temperatures is null) continue;
            var (b, a) = (before.Targets[t], after.Targets[t]);
            var fit = new CalibrationFit(count, b.Calibration!.ExpectedCalibrationError, a.Calibration!.ExpectedCalibrationError,
                b.Calibration.Brier, a.Calibration.Brier, b.Headline(Metric.LogLoss), a.Headline(Metric.LogLoss));
            fitted = fitted.With(t, fitted.Targets[t] with { TemperatureFit = fit });
        }
        Calibration = fitted;
        return new CalibrationReport(before, after with { Targets = after.Targets.Select((e, t) => e with { Calibrated = fitted.Targets[t] }).ToArray() });
    }

    /// <summary>
    /// Split-conformal prediction intervals for every regression target (per component for vectors
    /// and boxes; the short way round for periodic ones): from the absolute errors on
    /// <paramref name="validation"/>, the half-width that covers <paramref name="coverage"/> of new
    /// images. Predictions then carry an interval beside each value, and <c>Evaluate</c> reports the
    /// intervals' empirical coverage and width. Use images the model did not train on.
    /// </summary>
    /// <param name="validation">Held-out images with their true values.</param>
    /// <param name="coverage">The share of true values the intervals should cover: 0.9 for 90 %.</param>
    /// <param name="scaling">
    /// <see cref="IntervalScaling.Constant"/> (the default): one half-width per component.
    /// <see cref="IntervalScaling.Learned"/>: half-widths that grow and shrink with the model's
    /// typical error at the predicted value, learned on half of <paramref name="validation"/> while
    /// the other half sets the quantile; it needs twice the images.
    /// </param>
    /// <returns>The model's calibration, now with the intervals' half-widths.</returns>
    /// <exception cref="InvalidOperationException">The model is untrained or has no regression target.</exception>
    /// <exception cref="ArgumentException">Too few images for the coverage asked.</exception>
    public ModelCalibration CalibrateIntervals(ImageDataset validation, double coverage = 0.9, IntervalScaling scaling = IntervalScaling.Constant)
    {
        if (!Enum.IsDefined(scaling)) throw new ArgumentOutOfRangeException(nameof(scaling), scaling, "Intervals are Constant or Learned.");
        using var lease = usage.Enter("be calibrated");
        RequireTrained("be calibrated");
        CheckDataset(validation, nameof(validation));
        if (coverage is <= 0 or >= 1 || double.IsNaN(coverage)) throw new ArgumentOutOfRangeException(nameof(coverage), coverage, "Coverage is a share between 0 and 1, such as 0.9.");
        // Residuals do not depend on the intervals the model has: score first, replace them only on success.
        var evaluation = Score(validation);
        var fitted = new ModelCalibration(Calibration.Targets.Select(t => t with { IntervalRadii = null, IntervalScales = null, IntervalCoverage = null, IntervalImages = null }).ToArray());
        for (int t = 0; t < Spec.Targets.Count; t++)
        {
            if (evaluation.Targets[t].AbsoluteResiduals() is not { } residuals || evaluation.Targets[t].ScaleInputs() is not { } inputs) continue;
            var radii = residuals.Select(r => RoundUp(ConformalIntervals.Radius(r, coverage))).ToArray();
            var scales = scaling == IntervalScaling.Learned
                ? residuals.Select((r, c) => LearnedIntervalScale.Fit(inputs[c], r, coverage, Spec.Targets[t].ScaleInputName)).ToArray()
                : null;
            fitted = fitted.With(t, fitted.Targets[t] with { IntervalRadii = radii, IntervalScales = scales, IntervalCoverage = coverage, IntervalImages = evaluation.Count });
        }
        if (fitted.Targets.All(t => t.IntervalRadii is null))
            throw new InvalidOperationException($"{Spec.Name} has no regression target to give intervals: its targets are {string.Join(", ", Spec.Targets.Select(t => $"{t.Name} ({t.KindName})"))}.");
        return Calibration = fitted;
    }

    /// <summary>The nearest float at or above <paramref name="value"/>: an interval stored in float still covers the residual it was calibrated on.</summary>
    private static float RoundUp(double value)
    {
        float f = (float)value;
        return f < value ? MathF.BitIncrement(f) : f;
    }

    /// <summary>The evaluation with what the model calibrated attached to each target, and its intervals' coverage and width.</summary>
    private EvaluationResult WithCalibration(EvaluationResult result)
    {
        if (Calibration.IsEmpty) return result;
        var targets = new TargetEvaluation[result.Targets.Count];
        for (int t = 0; t < targets.Length; t++)
        {
            var evaluation = result.Targets[t];
            var calibrated = Calibration.Targets[t];
            targets[t] = evaluation with
            {
                Calibrated = calibrated.Temperatures is null && calibrated.IntervalRadii is null ? null : calibrated,
                Intervals = calibrated.IntervalRadii is not null ? ScoreIntervals(Spec.Targets[t], evaluation, calibrated) : null,
            };
        }
        return result with { Targets = targets };
    }

    private static IntervalEvaluation? ScoreIntervals(Specs.TargetSpec target, TargetEvaluation evaluation, TargetCalibration calibrated)
    {
        int components = calibrated.IntervalRadii!.Length;
        if (evaluation.AbsoluteResiduals() is not { } residuals || evaluation.PredictedValues() is not { } predicted
            || evaluation.ScaleInputs() is not { } inputs || residuals.Count != components) return null;
        var coverage = new double[components];
        var width = new double[components];
        for (int c = 0; c < components; c++)
        {
            int n = residuals[c].Length, inside = 0;
            double widths = 0;
            for (int i = 0; i < n; i++)
            {
                double radius = calibrated.Radius(c, inputs[c][i])!.Value;
                if (residuals[c][i] <= radius) inside++;
                var interval = target.Interval(predicted[c][i], radius, c);
                // A wrapped (periodic) interval is 2r wide; any other is High − Low after clipping.
                widths += interval.Low <= interval.High ? interval.High - interval.Low : 2.0 * radius;
            }
            coverage[c] = n == 0 ? double.NaN : (double)inside / n;
            width[c] = n == 0 ? double.NaN : widths / n;
        }
        return new IntervalEvaluation(calibrated.IntervalCoverage ?? double.NaN, coverage.Average(), width.Average(), coverage, width);
    }

    /// <summary>Every image's raw head outputs per target (row-major <c>[count, OutputWidth]</c>) and encoded truths (<c>[count, EncodedWidth]</c>).</summary>
    private (float[][] Logits, float[] Truths, int Count) RawOutputs(ImageDataset data)
    {
        var source = data.Batches;
        var logits = Spec.Targets.Select(_ => new List<float>()).ToArray();
        var truths = new List<float>();
        int count = 0;
        for (int start = 0; start < source.Count; start += EvaluationBatch)
        {
            using var scope = NewDisposeScope();
            int size = Math.Min(EvaluationBatch, source.Count - start);
            var (images, batchTruths, held) = source.Take(BatchSource.Range(start, size), Device);
            var outputs = RunNetwork(Normalization.Apply(images));
            for (int t = 0; t < outputs.Length; t++) logits[t].AddRange(outputs[t].contiguous().to_type(ScalarType.Float32).cpu().data<float>().ToArray());
            truths.AddRange(batchTruths.contiguous().cpu().data<float>().ToArray());
            count += held.Length;
        }
        return (logits.Select(l => l.ToArray()).ToArray(), truths.ToArray(), count);
    }

    private static float[] Columns(float[] rows, int count, int width, int offset, int columns)
    {
        var result = new float[count * columns];
        for (int i = 0; i < count; i++) Array.Copy(rows, i * width + offset, result, i * columns, columns);
        return result;
    }
}

/// <summary>What <c>Calibrate</c> did, measured on the images it was fitted on.</summary>
/// <param name="Before">The evaluation before temperature scaling.</param>
/// <param name="After">The evaluation after, each calibrated target's fit in its <see cref="TargetEvaluation.Calibrated"/>.</param>
public sealed record CalibrationReport(EvaluationResult Before, EvaluationResult After);
