using ImageDsl.Explanations;
using ImageDsl.Images;
using ImageDsl.Networks;
using static TorchSharp.torch;

namespace ImageDsl.Modeling;

public abstract partial class ImageModel<TLabels, TPrediction>
{
    /// <summary>
    /// A Grad-CAM heatmap of where in the image the evidence for <paramref name="target"/> lies
    /// (a label's score, a value, a box or keypoint coordinate; generated specs list them in
    /// <c>ExplainTargets</c>). See docs/explanations.md.
    /// </summary>
    /// <exception cref="ArgumentException">The target is not in the spec, names an unknown label or component, or is a dense target (a map or mask has no single number to explain).</exception>
    /// <exception cref="FileNotFoundException">The image file does not exist.</exception>
    /// <param name="imagePath">The image file.</param>
    /// <param name="target">The number to explain.</param>
    /// <param name="method">How the gradient weighs the feature map; <see cref="HeatmapMethod.HiResCam"/> by default, which is Grad-CAM on a globally pooled backbone.</param>
    public Heatmap Explain(string imagePath, ExplainTarget target, HeatmapMethod method = HeatmapMethod.HiResCam)
    {
        ArgumentNullException.ThrowIfNull(imagePath);
        if (!File.Exists(imagePath)) throw new FileNotFoundException($"Image file not found: {Path.GetFullPath(imagePath)}", imagePath);
        using var lease = usage.Enter("explain");
        RequireTrained("explain");
        var bytes = new byte[Spec.Input.Size];
        ImageLoader.Decode(imagePath, Spec.Input, bytes);
        return ExplainBytes(bytes, target, method);
    }

    /// <summary>As <see cref="Explain(string, ExplainTarget, HeatmapMethod)"/>, for an image already in memory.</summary>
    /// <param name="image">The image.</param>
    /// <param name="target">The number to explain.</param>
    /// <param name="method">How the gradient weighs the feature map.</param>
    public Heatmap Explain(SixLabors.ImageSharp.Image image, ExplainTarget target, HeatmapMethod method = HeatmapMethod.HiResCam)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var lease = usage.Enter("explain");
        RequireTrained("explain");
        return ExplainBytes(ImageLoader.Decode(image, Spec.Input), target, method);
    }

    /// <summary>For reports: the heatmap of one evaluated image, the caller holding no lease (the evaluation has ended).</summary>
    internal Heatmap? TryExplain(string imagePath, ExplainTarget target)
    {
        if (IsDisposed || !File.Exists(imagePath)) return null;
        try
        {
            return Explain(imagePath, target);
        }
        catch (Exception e) when (e is InvalidDataException or ObjectDisposedException or IOException)
        {
            return null; // a moved or broken image should not cost the whole report
        }
    }

    private Heatmap ExplainBytes(byte[] bytes, ExplainTarget target, HeatmapMethod method)
    {
        ArgumentNullException.ThrowIfNull(target);
        int index = -1;
        for (int t = 0; t < Spec.Targets.Count; t++) if (Spec.Targets[t].Name == target.Target) index = t;
        if (index < 0)
            throw new ArgumentException($"{Spec.Name} has no target '{target.Target}'; its targets are {string.Join(", ", Spec.Targets.Select(t => t.Name))}.", nameof(target));
        var spec = Spec.Targets[index];
        // Checked before the network runs, so a wrong label fails with the kind's own message.
        Func<Tensor, Tensor> score = spec.ExplainScore(target);
        if (Network is not SpecNetwork network)
            throw new InvalidOperationException($"Explain needs the generated network (a SpecNetwork); this model's network is a {Network.GetType().Name}.");
        var input = Spec.Input;
        using var scope = NewDisposeScope();
        var batch = tensor(bytes, [1, input.Channels, input.Height, input.Width], ScalarType.Byte, device: Device);
        var (heat, peak, mapHeight, mapWidth) = GradCam.Compute(network, Normalization.Apply(batch), index, score, method);
        return new Heatmap(target, method, heat, peak, input.Width, input.Height, bytes, input.Channels, (mapHeight, mapWidth));
    }
}
