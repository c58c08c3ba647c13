using static TorchSharp.torch;

namespace ImageDsl.Specs;

// Test-time augmentation of a range: the views' head outputs ([-1, 1] over the range, linear in
// the value) are averaged, which is averaging the values.
public sealed partial record RangeTargetSpec
{
    /// <summary>
    /// The image's own rotation mirrored back (<see cref="Move"/>), in the head's [-1, 1]; any other
    /// range is unchanged by the moves test-time augmentation allows (a mirrored angle is refused).
    /// </summary>
    internal override Tensor FromView(Tensor activated, Tensor inverseTransforms, InputSpec input, TargetStatistics statistics, int offset)
    {
        if (!MovesWithImage) return activated.alias();
        using var scope = NewDisposeScope();
        var value = (activated.clamp(-1, 1) + 1.0) * ((Max - Min) / 2.0) + Min;
        var moved = Move(value, inverseTransforms, input);
        return ((moved - Min) * (2.0 / (Max - Min)) - 1.0).MoveToOuterDisposeScope();
    }
}
