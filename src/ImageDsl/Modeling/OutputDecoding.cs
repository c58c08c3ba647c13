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
    /// Turns raw head outputs into per-image values in user terms: softmax probabilities for
    /// multi-class targets, sigmoid probabilities for binary and multi-label ones, and regression
    /// outputs mapped back to user units (clamped into a declared range, un-standardized with
    /// the training statistics, or read off the circle for periodic targets).
    /// </summary>
    public static PredictionOutputs[] Decode(ModelSpec spec, TargetStatistics statistics, Tensor[] outputs)
    {
        int count = (int)outputs[0].shape[0];
        var perTarget = new float[spec.Targets.Count][];
        for (int t = 0; t < spec.Targets.Count; t++)
        {
            using var decoded = spec.Targets[t] switch
            {
                LabelTargetSpec => outputs[t].softmax(1),
                BinaryTargetSpec or MultiLabelTargetSpec => outputs[t].sigmoid(),
                _ => outputs[t].alias(),
            };
            perTarget[t] = decoded.contiguous().data<float>().ToArray();
        }

        var result = new PredictionOutputs[count];
        for (int i = 0; i < count; i++)
        {
            var values = new float[spec.Targets.Count][];
            for (int t = 0; t < spec.Targets.Count; t++)
                values[t] = DecodeTarget(spec, statistics, t, perTarget[t].AsSpan(i * spec.Targets[t].OutputWidth, spec.Targets[t].OutputWidth));
            result[i] = new PredictionOutputs(spec, values);
        }
        return result;
    }

    private static float[] DecodeTarget(ModelSpec spec, TargetStatistics statistics, int t, ReadOnlySpan<float> output)
    {
        switch (spec.Targets[t])
        {
            case RangeTargetSpec range:
                return [(float)range.FromUnit(output[0])];
            case PeriodicTargetSpec periodic:
                return [(float)periodic.FromSineCosine(output[0], output[1])];
            case ValueTargetSpec:
                return [(float)statistics.FromStandard(spec.EncodedOffset(t), output[0])];
            case VectorTargetSpec vector:
                var values = new float[output.Length];
                int offset = spec.EncodedOffset(t);
                for (int c = 0; c < values.Length; c++)
                    values[c] = (float)(vector.IsBounded ? vector.FromUnit(output[c]) : statistics.FromStandard(offset + c, output[c]));
                return values;
            default:
                return output.ToArray();
        }
    }
}
