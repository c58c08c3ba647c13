using static TorchSharp.torch;

namespace ImageDsl.Specs;

// Test-time augmentation of a periodic target: its head's (sine, cosine) are what the views
// average, so the angles average on the circle (350° and 10° give 0°, not 180°).
public sealed partial record PeriodicTargetSpec
{
    /// <summary>
    /// The image's own rotation, mirrored back as augmentation mirrors it (<see cref="Move"/>); the
    /// (sine, cosine) keeps its length, so a view the head is less sure of weighs less in the average.
    /// Any other periodic target is unchanged by the moves test-time augmentation allows.
    /// </summary>
    internal override Tensor FromView(Tensor activated, Tensor inverseTransforms, InputSpec input, TargetStatistics statistics, int offset)
    {
        if (!MovesWithImage) return activated.alias();
        using var scope = NewDisposeScope();
        var sine = activated[.., 0..1];
        var cosine = activated[.., 1..2];
        var length = (sine.square() + cosine.square()).sqrt();
        var turn = atan2(sine, cosine) / (2 * Math.PI);
        var value = (turn - turn.floor()) * Period + Min;
        var phase = (Move(value, inverseTransforms, input) - Min) * (2 * Math.PI / Period);
        return cat([phase.sin() * length, phase.cos() * length], 1).MoveToOuterDisposeScope();
    }
}
