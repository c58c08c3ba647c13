using ImageDsl.Specs;
using ImageDsl.Training;

namespace ImageDsl.Modeling;

/// <summary>
/// Test-time augmentation (TTA): predict each image as it is and as a few moved copies (mirrored,
/// shifted), and average the predictions, each target in its own space — probabilities for labels,
/// values for ranges, the sine and cosine of a periodic target (so angles average on the circle),
/// boxes, keypoints, depth maps and mask probabilities after moving them back into the original
/// image's coordinates. Pass it to <c>Predict</c> or <c>Evaluate</c>.
/// </summary>
/// <remarks>
/// A move is only used where it keeps each target's meaning or the target knows how to undo it:
/// a mirror is refused for labels that name a side ("left", "right") and for an angle that is not
/// declared the image's own rotation (a mirrored head turned 30° left is one turned 30° right),
/// and any move is refused for a plain vector of coordinates that does not say it is a box or
/// points, exactly the rules training's augmentation follows (<see cref="Augmentation.Conflicts"/>).
/// The views are rendered without blurring: mirrors and whole-pixel shifts copy pixels, and what
/// a shift uncovers is black, as in training's augmentation.
/// </remarks>
public sealed record TestTimeAugmentation
{
    /// <summary>Only the image as it is: the same predictions as without test-time augmentation.</summary>
    public static TestTimeAugmentation None { get; } = new();

    /// <summary>The image and its mirror image: fastai's and most papers' default.</summary>
    public static TestTimeAugmentation Flip { get; } = new() { FlipHorizontal = true };

    /// <summary>Also predict the left-right mirror image (and the mirror of every shifted view).</summary>
    public bool FlipHorizontal { get; init; }

    /// <summary>
    /// When above 0, also predict four crops moved by this many pixels left, right, up and down
    /// (the image shifted, its uncovered edge black): a cheap stand-in for corner crops at the input size.
    /// </summary>
    public int Shift { get; init; }

    /// <summary>The views each image is predicted in, the image itself included.</summary>
    public int ViewCount => (Shift > 0 ? 5 : 1) * (FlipHorizontal ? 2 : 1);

    /// <summary>Rejects settings that cannot work, naming the setting.</summary>
    public void Validate()
    {
        if (Shift < 0) throw new ArgumentOutOfRangeException(nameof(Shift), Shift, "TestTimeAugmentation.Shift cannot be negative (0 adds no shifted views).");
    }

    /// <summary>Refuses the views for a spec whose targets they would corrupt, naming each target and why.</summary>
    internal void Check(ModelSpec spec)
    {
        Validate();
        if (Shift >= Math.Min(spec.Input.Width, spec.Input.Height))
            throw new ArgumentOutOfRangeException(nameof(Shift), Shift, $"TestTimeAugmentation.Shift must be smaller than the {spec.Input.Width}x{spec.Input.Height} image.");
        var equivalent = new Augmentation { FlipHorizontal = FlipHorizontal, Shift = Shift };
        if (equivalent.Conflicts(spec) is { Count: > 0 } conflicts)
            throw new InvalidOperationException($"Test-time augmentation cannot be used with {spec.Name}:\n  " + string.Join("\n  ", conflicts));
    }

    /// <summary>Every view but the image itself, as its forward pixel transform (x' = a·x + b·y + c, y' = d·x + e·y + f, on pixel coordinates centred on the image).</summary>
    internal IEnumerable<float[]> MovedViews()
    {
        var shifts = new List<(float X, float Y)> { (0, 0) };
        if (Shift > 0) shifts.AddRange([(-Shift, 0), (Shift, 0), (0, -Shift), (0, Shift)]);
        foreach (var flip in FlipHorizontal ? new[] { 1f, -1f } : [1f])
            foreach (var (x, y) in shifts)
                if (flip != 1f || x != 0 || y != 0)
                    yield return [flip, 0, x, 0, 1, y];
    }
}
