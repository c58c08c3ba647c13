using ImageDsl.Specs;
using ImageDsl.Training;
using static TorchSharp.torch;

namespace ImageDsl.Tests.Loop;

/// <summary>Boxes and keypoints must land where augmentation moved the ink they describe.</summary>
public class GeometricTargetTests
{
    private static readonly InputSpec Input = new(48, 40, 1);

    /// <summary>An image that is white exactly inside the box (x, y, w, h in pixels) and black elsewhere.</summary>
    private static Tensor Filled(int x, int y, int w, int h)
    {
        var image = zeros(1, 1, Input.Height, Input.Width);
        image[0, 0, TensorIndex.Slice(y, y + h), TensorIndex.Slice(x, x + w)] = 1f;
        return image;
    }

    /// <summary>The tight box (x, y, w, h) around pixels brighter than one half.</summary>
    private static (int X, int Y, int W, int H) InkBox(Tensor image)
    {
        var ink = image[0, 0] > 0.5f;
        var rows = ink.any(1).data<bool>().ToArray();
        var cols = ink.any(0).data<bool>().ToArray();
        int top = Array.IndexOf(rows, true), bottom = Array.LastIndexOf(rows, true);
        int left = Array.IndexOf(cols, true), right = Array.LastIndexOf(cols, true);
        return (left, top, right - left + 1, bottom - top + 1);
    }

    [Theory]
    [InlineData(1, BoxFormat.XYWH)]
    [InlineData(2, BoxFormat.XYWH)]
    [InlineData(3, BoxFormat.XYXY)]
    [InlineData(4, BoxFormat.XYXY)]
    [InlineData(5, BoxFormat.XYWH)]
    public void A_box_follows_its_ink_through_shift_scale_and_flip(int seed, BoxFormat format)
    {
        using var scope = NewDisposeScope();
        using var generator = new TorchSharp.torch.Generator((ulong)seed);
        var box = new VectorTargetSpec("Box", ["X", "Y", "A", "B"], box: format);
        var (moved, transforms) = Augment.Apply(Filled(14, 9, 16, 12), new Augmentation { Shift = 4, Scale = 0.2, FlipHorizontal = true }, generator);
        var encoded = format == BoxFormat.XYWH ? tensor(new float[] { 14, 9, 16, 12 }).reshape(1, 4) : tensor(new float[] { 14, 9, 30, 21 }).reshape(1, 4);

        var result = box.Move(encoded, transforms!, Input).data<float>().ToArray();

        var ink = InkBox(moved);
        float w = format == BoxFormat.XYWH ? result[2] : result[2] - result[0];
        float h = format == BoxFormat.XYWH ? result[3] : result[3] - result[1];
        // Resampling smears an edge over at most one pixel; a wrong move is off by the shift (up to 4 px) or the scale.
        Assert.InRange(result[0], ink.X - 1.0, ink.X + 1.0);
        Assert.InRange(result[1], ink.Y - 1.0, ink.Y + 1.0);
        Assert.InRange(w, ink.W - 1.5, ink.W + 1.5);
        Assert.InRange(h, ink.H - 1.5, ink.H + 1.5);
    }

    [Fact]
    public void A_shift_moves_a_box_by_whole_pixels_and_cuts_it_at_the_image_edge()
    {
        using var scope = NewDisposeScope();
        var box = new VectorTargetSpec("Box", ["X", "Y", "W", "H"], box: BoxFormat.XYWH);
        // Two images: one shifted right by 3 and down by 2; one shifted left by 10, past the image's left edge.
        var transforms = tensor(new float[] { 1, 0, 3, 0, 1, 2, 1, 0, -10, 0, 1, 0 }).reshape(2, 2, 3);
        var boxes = tensor(new float[] { 10, 10, 8, 6, 4, 5, 20, 10 }).reshape(2, 4);

        var moved = box.Move(boxes, transforms, Input);

        Assert.Equal([13f, 12f, 8f, 6f], moved[0].data<float>().ToArray());
        Assert.Equal([0f, 5f, 14f, 10f], moved[1].data<float>().ToArray()); // x from -6 cut to 0, right edge at 14
    }

    [Fact]
    public void A_bounded_box_is_moved_in_its_own_frame()
    {
        using var scope = NewDisposeScope();
        // Coordinates as fractions of the image: a shift of 12 px on a 48 px wide image is 0.25.
        var box = new VectorTargetSpec("Box", ["X", "Y", "W", "H"], min: 0, max: 1, box: BoxFormat.XYWH);
        var transforms = tensor(new float[] { 1, 0, 12, 0, 1, -10 }).reshape(1, 2, 3);

        var moved = box.Move(tensor(new float[] { 0.25f, 0.5f, 0.25f, 0.25f }).reshape(1, 4), transforms, Input).data<float>().ToArray();

        Assert.Equal(0.5, moved[0], 5);
        Assert.Equal(0.25, moved[1], 5);
        Assert.Equal(0.25, moved[2], 5);
        Assert.Equal(0.25, moved[3], 5);
    }

    [Fact]
    public void Keypoints_rotate_with_the_image()
    {
        using var scope = NewDisposeScope();
        var points = new VectorTargetSpec("Keypoints", ["X0", "Y0", "X1", "Y1"], points: true);
        // 90 degrees about the image centre (24, 20): (34, 20) -> (24, 30), and the centre stays.
        var transforms = tensor(new float[] { 0, -1, 0, 1, 0, 0 }).reshape(1, 2, 3);

        var moved = points.Move(tensor(new float[] { 34, 20, 24, 20 }).reshape(1, 4), transforms, Input).data<float>().ToArray();

        Assert.Equal(24, moved[0], 4);
        Assert.Equal(30, moved[1], 4);
        Assert.Equal(24, moved[2], 4);
        Assert.Equal(20, moved[3], 4);
    }

    [Fact]
    public void Boxes_and_points_accept_geometric_augmentation_and_plain_vectors_do_not()
    {
        ModelSpec With(TargetSpec target) => new("S", Input, Backbone.SmallCnn, [new LabelTargetSpec("Digit", ["a", "b"]), target]);
        var geometric = new Augmentation { Shift = 2, Scale = 0.1, Rotation = 5, FlipHorizontal = true };

        Assert.Empty(geometric.Conflicts(With(new VectorTargetSpec("Box", ["X", "Y", "W", "H"], min: 0, max: 48, box: BoxFormat.XYWH))));
        Assert.Empty(geometric.Conflicts(With(new VectorTargetSpec("Keypoints", ["X0", "Y0"], points: true))));
        Assert.Contains("does not move with geometric augmentation", Assert.Single(geometric.Conflicts(With(new VectorTargetSpec("Depth", ["A", "B"])))));
        Assert.Throws<ArgumentException>(() => new VectorTargetSpec("Odd", ["A", "B", "C"], points: true));
    }

    [Fact]
    public void Training_moves_only_the_geometric_columns_of_a_mixed_target_matrix()
    {
        using var scope = NewDisposeScope();
        var spec = new ModelSpec("S", Input, Backbone.SmallCnn,
            [new LabelTargetSpec("Digit", ["a", "b", "c"]), new VectorTargetSpec("Box", ["X", "Y", "W", "H"], box: BoxFormat.XYWH), new RangeTargetSpec("Age", 0, 100)]);
        var transforms = tensor(new float[] { 1, 0, 5, 0, 1, -3 }).reshape(1, 2, 3);

        var moved = GeometricTargets.Move(spec, tensor(new float[] { 2, 10, 10, 8, 6, 42 }).reshape(1, 6), transforms);

        Assert.Equal([2f, 15f, 7f, 8f, 6f, 42f], moved[0].data<float>().ToArray());
    }
}
