using static TorchSharp.torch;

namespace ImageDsl.Training;

/// <summary>
/// The turns rotation augmentation may give each image of a batch when the model predicts the
/// image's own rotation in a bounded range: a turn changes the target, and the new target must
/// stay in [<paramref name="Min"/>, <paramref name="Max"/>].
/// </summary>
/// <param name="Values">Each image's target, user units <c>[N]</c>.</param>
/// <param name="Min">Smallest value the target may take.</param>
/// <param name="Max">Largest value the target may take.</param>
/// <param name="PerTurnRadian">How much the target changes per radian of the forward transform's turn.</param>
internal sealed record RotationWindow(Tensor Values, double Min, double Max, double PerTurnRadian)
{
    /// <summary>
    /// The lowest and highest turn (radians) each image may get, within ±<paramref name="maxTurn"/>.
    /// A flip mirrors the target (v → −v); where the mirrored value cannot be brought back into
    /// range, that image is not flipped (<paramref name="flip"/> is updated).
    /// </summary>
    public (Tensor Lowest, Tensor Highest) Turns(double maxTurn, ref Tensor flip)
    {
        var (lowest, highest) = For(flip, maxTurn);
        var impossible = lowest > highest;
        if (impossible.any().item<bool>())
        {
            flip = where(impossible, ones_like(flip), flip);
            (lowest, highest) = For(flip, maxTurn);
        }
        return (lowest, highest.maximum(lowest));
    }

    private (Tensor Lowest, Tensor Highest) For(Tensor flip, double maxTurn)
    {
        // After the flip the value is f·v; a turn t makes it f·v + k·t, which must lie in [Min, Max].
        var start = flip * Values;
        var a = (Min - start) / PerTurnRadian;
        var b = (Max - start) / PerTurnRadian;
        return (minimum(a, b).clamp_min(-maxTurn), maximum(a, b).clamp_max(maxTurn));
    }
}
