using ImageDsl.Specs;
using static TorchSharp.torch;

namespace ImageDsl.Training;

/// <summary>Applies an augmentation's image moves to the targets that are positions (or the rotation) of the image.</summary>
internal static class GeometricTargets
{
    public static Tensor Move(ModelSpec spec, Tensor targets, Tensor pixelTransforms)
    {
        if (!spec.Targets.Any(t => t is IGeometricTarget { MovesWithImage: true })) return targets;
        var columns = new List<Tensor>();
        for (int t = 0; t < spec.Targets.Count; t++)
        {
            var slice = targets.narrow(1, spec.EncodedOffset(t), spec.Targets[t].EncodedWidth);
            columns.Add(spec.Targets[t] is IGeometricTarget { MovesWithImage: true } geometric ? geometric.Move(slice, pixelTransforms, spec.Input) : slice);
        }
        return cat(columns, 1);
    }

    /// <summary>
    /// The turns that keep a bounded image-rotation target in its range, or null when the spec
    /// has none (a periodic one wraps, so any turn is fine). A spec with two such targets is
    /// limited by the first.
    /// </summary>
    public static RotationWindow? Window(ModelSpec spec, Tensor targets)
    {
        for (int t = 0; t < spec.Targets.Count; t++)
        {
            var window = spec.Targets[t].RotationWindow(targets[.., spec.EncodedOffset(t)]);
            if (window is not null) return window;
        }
        return null;
    }
}
