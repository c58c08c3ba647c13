using static TorchSharp.torch;

namespace ImageDsl.Specs;

// Test-time augmentation of boxes and keypoints: each view's prediction is moved back into the
// original image's coordinates before the views are averaged component by component.
public sealed partial record VectorTargetSpec
{
    /// <summary>
    /// A box or points predicted on a moved image, moved back by the inverse move (<see cref="Move"/>,
    /// exact for flips and shifts), in the head's scale ([-1, 1] over a bounded frame, else
    /// standardized). A plain vector never gets here: test-time moves are refused for it.
    /// </summary>
    internal override Tensor FromView(Tensor activated, Tensor inverseTransforms, InputSpec input, TargetStatistics statistics, int offset)
    {
        if (!MovesWithImage) return activated.alias();
        using var scope = NewDisposeScope();
        int width = Components.Count;
        Tensor moved;
        if (IsBounded)
        {
            double min = Min!.Value, max = Max!.Value;
            var value = (activated.clamp(-1, 1) + 1.0) * ((max - min) / 2.0) + min;
            moved = (Move(value, inverseTransforms, input) - min) * (2.0 / (max - min)) - 1.0;
        }
        else
        {
            var mean = tensor(statistics.Mean.AsSpan(offset, width).ToArray(), device: activated.device).reshape(1, width);
            var std = tensor(statistics.Std.AsSpan(offset, width).ToArray(), device: activated.device).reshape(1, width);
            moved = (Move(activated * std + mean, inverseTransforms, input) - mean) / std;
        }
        return moved.MoveToOuterDisposeScope();
    }
}
