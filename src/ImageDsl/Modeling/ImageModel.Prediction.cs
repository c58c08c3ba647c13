using ImageDsl.Images;
using ImageDsl.Specs;
using static TorchSharp.torch;

namespace ImageDsl.Modeling;

public abstract partial class ImageModel<TLabels, TPrediction>
{
    private const int PredictionBatch = 64;

    /// <summary>Predicts the targets of one image file.</summary>
    public TPrediction Predict(string imagePath) => Predict([imagePath])[0];

    /// <summary>Predicts the targets of an image already in memory.</summary>
    public TPrediction Predict(SixLabors.ImageSharp.Image image) => PredictBytes([ImageLoader.Decode(image, Spec.Input)])[0];

    /// <summary>Predicts many image files, decoding in parallel and running the network in batches.</summary>
    public IReadOnlyList<TPrediction> Predict(IEnumerable<string> imagePaths)
    {
        var paths = imagePaths.ToArray();
        var results = new List<TPrediction>(paths.Length);
        for (int start = 0; start < paths.Length; start += PredictionBatch)
        {
            var chunk = paths.AsSpan(start, Math.Min(PredictionBatch, paths.Length - start)).ToArray();
            var bytes = new byte[chunk.Length][];
            Parallel.For(0, chunk.Length, i =>
            {
                bytes[i] = new byte[Spec.Input.Size];
                ImageLoader.Decode(chunk[i], Spec.Input, bytes[i]);
            });
            results.AddRange(PredictBytes(bytes));
        }
        return results;
    }

    private IReadOnlyList<TPrediction> PredictBytes(byte[][] images)
    {
        var input = Spec.Input;
        var flat = new byte[images.Length * input.Size];
        for (int i = 0; i < images.Length; i++) images[i].CopyTo(flat, i * input.Size);
        using var scope = NewDisposeScope();
        var batch = tensor(flat, [images.Length, input.Channels, input.Height, input.Width], ScalarType.Byte);
        var decoded = DecodeOutputs(RunNetwork(Normalization.Apply(batch)));
        return decoded.Select(CreatePrediction).ToArray();
    }

    /// <summary>The network's raw outputs for normalized images, in evaluation mode and without gradients.</summary>
    internal Tensor[] RunNetwork(Tensor normalizedImages)
    {
        Network.eval();
        using var _ = no_grad();
        return Network.call(normalizedImages);
    }

    /// <summary>
    /// Turns raw head outputs into per-image values in user terms: softmax probabilities for
    /// multi-class targets, sigmoid probabilities for binary and multi-label ones, and regression
    /// outputs mapped back to user units (clamped into a declared range, un-standardized with
    /// the training statistics, or read off the circle for periodic targets).
    /// </summary>
    internal PredictionOutputs[] DecodeOutputs(Tensor[] outputs)
    {
        int count = (int)outputs[0].shape[0];
        var perTarget = new float[Spec.Targets.Count][];
        for (int t = 0; t < Spec.Targets.Count; t++)
        {
            using var decoded = Spec.Targets[t] switch
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
            var values = new float[Spec.Targets.Count][];
            for (int t = 0; t < Spec.Targets.Count; t++)
                values[t] = DecodeTarget(t, perTarget[t].AsSpan(i * Spec.Targets[t].OutputWidth, Spec.Targets[t].OutputWidth));
            result[i] = new PredictionOutputs(Spec, values);
        }
        return result;
    }

    private float[] DecodeTarget(int t, ReadOnlySpan<float> output)
    {
        switch (Spec.Targets[t])
        {
            case RangeTargetSpec range:
                return [(float)range.FromUnit(output[0])];
            case PeriodicTargetSpec periodic:
                return [(float)periodic.FromSineCosine(output[0], output[1])];
            case ValueTargetSpec:
                return [(float)TargetStatistics.FromStandard(Spec.EncodedOffset(t), output[0])];
            case VectorTargetSpec vector:
                var values = new float[output.Length];
                int offset = Spec.EncodedOffset(t);
                for (int c = 0; c < values.Length; c++)
                    values[c] = (float)(vector.IsBounded ? vector.FromUnit(output[c]) : TargetStatistics.FromStandard(offset + c, output[c]));
                return values;
            default:
                return output.ToArray();
        }
    }
}
