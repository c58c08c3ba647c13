using ImageDsl.Specs;
using static TorchSharp.torch;

namespace ImageDsl.Training;

/// <summary>Applies an augmentation's image moves to the targets that are positions in the image.</summary>
internal static class GeometricTargets
{
    public static Tensor Move(ModelSpec spec, Tensor targets, Tensor pixelTransforms)
    {
        if (!spec.Targets.Any(t => t is IGeometricTarget)) return targets;
        var columns = new List<Tensor>();
        for (int t = 0; t < spec.Targets.Count; t++)
        {
            var slice = targets.narrow(1, spec.EncodedOffset(t), spec.Targets[t].EncodedWidth);
            columns.Add(spec.Targets[t] is IGeometricTarget geometric ? geometric.Move(slice, pixelTransforms, spec.Input) : slice);
        }
        return cat(columns, 1);
    }
}
