using ImageDsl.Calibration;
using ImageDsl.Specs;
using static TorchSharp.torch;

namespace ImageDsl.Modeling;

/// <summary>
/// How prediction turns a network's raw head outputs into values in user terms; shared by the
/// model and by tests that check other implementations (the ONNX export) against it.
/// </summary>
internal static class OutputDecoding
{
    /// <summary>
    /// Turns raw head outputs into per-image values in user terms, each target as its kind
    /// decodes it (see <c>TargetSpec.Activate</c> and <c>TargetSpec.Decode</c>): probabilities for
    /// labels, values in user units for regression targets. With <paramref name="calibration"/>,
    /// a target's raw outputs are first divided by its temperatures, and its values get intervals.
    /// </summary>
    public static PredictionOutputs[] Decode(ModelSpec spec, TargetStatistics statistics, Tensor[] outputs, ModelCalibration? calibration = null)
    {
        var activated = Activate(spec, outputs, calibration);
        try { return DecodeActivated(spec, statistics, activated, calibration); }
        finally { foreach (var a in activated) a.Dispose(); }
    }

    /// <summary>Each target's raw outputs, divided by its temperatures if calibrated, through its kind's <c>Activate</c>: <c>[N, OutputWidth]</c> per target, new tensors.</summary>
    public static Tensor[] Activate(ModelSpec spec, Tensor[] outputs, ModelCalibration? calibration)
    {
        var activated = new Tensor[spec.Targets.Count];
        for (int t = 0; t < spec.Targets.Count; t++)
        {
            using var scaled = Scale(outputs[t], calibration?.Temperatures(t));
            activated[t] = spec.Targets[t].Activate(scaled);
        }
        return activated;
    }

    /// <summary>The second half of <see cref="Decode"/>: activated outputs (see <see cref="Activate"/>) as per-image values in user terms.</summary>
    public static PredictionOutputs[] DecodeActivated(ModelSpec spec, TargetStatistics statistics, Tensor[] activated, ModelCalibration? calibration)
    {
        int count = (int)activated[0].shape[0];
        var perTarget = new float[spec.Targets.Count][];
        // Read on the CPU, wherever the network ran.
        for (int t = 0; t < spec.Targets.Count; t++) perTarget[t] = activated[t].contiguous().cpu().data<float>().ToArray();

        var offsets = Enumerable.Range(0, spec.Targets.Count).Select(spec.EncodedOffset).ToArray();
        var result = new PredictionOutputs[count];
        for (int i = 0; i < count; i++)
        {
            var values = new float[spec.Targets.Count][];
            var scaleInputs = new float[]?[spec.Targets.Count];
            for (int t = 0; t < spec.Targets.Count; t++)
            {
                var target = spec.Targets[t];
                var row = perTarget[t].AsSpan(i * target.OutputWidth, target.OutputWidth);
                values[t] = target.Decode(row, statistics, offsets[t]);
                scaleInputs[t] = target.ScaleInputs(row);
            }
            var outputs = new PredictionOutputs(spec, values, null, scaleInputs);
            result[i] = calibration is null ? outputs : new PredictionOutputs(spec, values, Intervals(spec, calibration, outputs), scaleInputs);
        }
        return result;
    }

    /// <summary>Raw outputs divided column by column by <paramref name="temperatures"/> (temperature scaling), or an alias when there are none.</summary>
    internal static Tensor Scale(Tensor output, float[]? temperatures)
    {
        if (temperatures is null) return output.alias();
        using var divisors = tensor(temperatures, device: output.device).to_type(output.dtype);
        return output / divisors;
    }

    private static PredictionInterval[]?[]? Intervals(ModelSpec spec, ModelCalibration calibration, PredictionOutputs outputs)
    {
        PredictionInterval[]?[]? intervals = null;
        for (int t = 0; t < spec.Targets.Count; t++)
        {
            if (t >= calibration.Targets.Count) break;
            var calibrated = calibration.Targets[t];
            if (calibrated.IntervalRadii is not { } radii) continue;
            intervals ??= new PredictionInterval[]?[spec.Targets.Count];
            var target = spec.Targets[t];
            var values = outputs.Decoded(t);
            var inputs = outputs.ScaleInputs(t);
            intervals[t] = Enumerable.Range(0, radii.Length).Select(c => target.Interval(values[c], calibrated.Radius(c, inputs[c])!.Value, c)).ToArray();
        }
        return intervals;
    }
}
