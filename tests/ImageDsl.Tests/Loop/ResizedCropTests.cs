using ImageDsl.Specs;
using ImageDsl.Training;
using static TorchSharp.torch;

namespace ImageDsl.Tests.Loop;

/// <summary>
/// Random resized crops: drawn as torchvision draws them, and every geometric target lands where
/// the crop moved the ink it describes.
/// </summary>
public class ResizedCropTests
{
    private static readonly InputSpec Input = new(48, 40, 1);
    private const int Images = 24;

    /// <summary>A batch of identical images, white exactly inside the box (x, y, w, h in pixels) and black elsewhere.</summary>
    private static Tensor Filled(int x, int y, int w, int h)
    {
        var image = zeros(Images, 1, Input.Height, Input.Width);
        image[TensorIndex.Colon, 0, TensorIndex.Slice(y, y + h), TensorIndex.Slice(x, x + w)] = 1f;
        return image;
    }

    /// <summary>The tight box (x, y, w, h) around pixels brighter than one half, or null when there are none.</summary>
    private static (int X, int Y, int W, int H)? InkBox(Tensor image)
    {
        var ink = image[0] > 0.5f;
        var rows = ink.any(1).data<bool>().ToArray();
        var cols = ink.any(0).data<bool>().ToArray();
        int top = Array.IndexOf(rows, true), bottom = Array.LastIndexOf(rows, true);
        int left = Array.IndexOf(cols, true), right = Array.LastIndexOf(cols, true);
        return top < 0 ? null : (left, top, right - left + 1, bottom - top + 1);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Crops_are_drawn_within_the_declared_area_and_ratio_ranges(int seed)
    {
        using var scope = NewDisposeScope();
        using var generator = new TorchSharp.torch.Generator((ulong)seed);
        var augmentation = new Augmentation { RandomResizedCrop = true, CropScaleMin = 0.2, CropScaleMax = 0.6, CropRatioMin = 0.5, CropRatioMax = 1.5 };

        var crops = ResizedCrop.Sample(500, Input.Width, Input.Height, augmentation, generator, CPU).data<float>().ToArray();

        for (int i = 0; i < 500; i++)
        {
            float left = crops[4 * i], top = crops[4 * i + 1], w = crops[4 * i + 2], h = crops[4 * i + 3];
            Assert.True(left >= 0 && top >= 0 && left + w <= Input.Width && top + h <= Input.Height, $"crop {i} ({left}, {top}, {w}, {h}) leaves the image");
            Assert.Equal(Math.Round(left), left);
            Assert.Equal(Math.Round(w), w);
            // Whole-pixel rounding of each side moves the area and ratio a little off their draws.
            double share = w * h / (Input.Width * Input.Height);
            Assert.InRange(share, 0.2 * 0.9, 0.6 * 1.1);
            Assert.InRange(w / h, 0.5 * 0.9, 1.5 * 1.1);
        }
        // Default crops (0.08–1 of the area) reach both small and near-whole crops.
        using var defaults = new TorchSharp.torch.Generator((ulong)seed);
        var shares = ResizedCrop.Sample(500, Input.Width, Input.Height, new Augmentation { RandomResizedCrop = true }, defaults, CPU).reshape(500, 4);
        var area = (shares[.., 2] * shares[.., 3] / (Input.Width * Input.Height)).data<float>().ToArray();
        Assert.True(area.Min() < 0.15 && area.Max() > 0.85, $"areas {area.Min()}–{area.Max()}");
    }

    [Fact]
    public void A_crop_that_cannot_fit_falls_back_to_the_centre_crop_nearest_the_allowed_ratio()
    {
        using var scope = NewDisposeScope();
        using var generator = new TorchSharp.torch.Generator(7);
        // A ratio of 4–5 cannot fit a 40-pixel-high crop of a fifth of a 48x40 image... but a whole
        // image of ratio 1.2 brought to 4 is 48 wide and 12 high, centred.
        var augmentation = new Augmentation { RandomResizedCrop = true, CropScaleMin = 1, CropScaleMax = 1, CropRatioMin = 4, CropRatioMax = 5 };

        var crops = ResizedCrop.Sample(3, Input.Width, Input.Height, augmentation, generator, CPU).data<float>().ToArray();

        for (int i = 0; i < 3; i++) Assert.Equal([0f, 14f, 48f, 12f], crops.AsSpan(4 * i, 4).ToArray());
    }

    [Theory]
    [InlineData(1, BoxFormat.XYWH)]
    [InlineData(2, BoxFormat.XYXY)]
    [InlineData(3, BoxFormat.XYWH)]
    public void A_box_stays_on_its_ink_through_random_resized_crops_and_is_cut_at_the_crop(int seed, BoxFormat format)
    {
        using var scope = NewDisposeScope();
        using var generator = new TorchSharp.torch.Generator((ulong)seed);
        var box = new VectorTargetSpec("Box", ["X", "Y", "A", "B"], box: format);
        var augmentation = new Augmentation { RandomResizedCrop = true, CropScaleMin = 0.1, FlipHorizontal = true };
        var (moved, transforms) = Augment.Apply(Filled(14, 9, 16, 12), augmentation, generator);
        var one = format == BoxFormat.XYWH ? new float[] { 14, 9, 16, 12 } : new float[] { 14, 9, 30, 21 };
        var encoded = tensor(Enumerable.Range(0, Images).SelectMany(_ => one).ToArray()).reshape(Images, 4);

        var result = box.Move(encoded, transforms!, Input).data<float>().ToArray();

        int partial = 0, gone = 0;
        for (int i = 0; i < Images; i++)
        {
            float x = result[4 * i], y = result[4 * i + 1];
            float w = format == BoxFormat.XYWH ? result[4 * i + 2] : result[4 * i + 2] - x;
            float h = format == BoxFormat.XYWH ? result[4 * i + 3] : result[4 * i + 3] - y;
            var ink = InkBox(moved[i]);
            if (ink is not { } seen)
            {
                // The crop missed the box: it is cut to nothing (as a shift past the edge cuts it).
                Assert.True(w < 1 || h < 1, $"image {i}: no ink left but the box is {w}x{h}");
                gone++;
                continue;
            }
            if (x <= 0 || y <= 0 || x + w >= Input.Width || y + h >= Input.Height) partial++;
            // The resampling puts the half-grey crossing on the true edge: off by under a pixel,
            // where a crop applied to the pixels but not the box would be off by the crop's offset or stretch.
            Assert.InRange(x, seen.X - 1.0, seen.X + 1.0);
            Assert.InRange(y, seen.Y - 1.0, seen.Y + 1.0);
            Assert.InRange(w, seen.W - 1.5, seen.W + 1.5);
            Assert.InRange(h, seen.H - 1.5, seen.H + 1.5);
            // Every pixel well inside the moved box is ink, every pixel well outside is not.
            var image = moved[i, 0];
            for (int row = 0; row < Input.Height; row++)
            for (int col = 0; col < Input.Width; col++)
            {
                float cx = col + 0.5f, cy = row + 0.5f;
                bool inside = cx > x + 1 && cx < x + w - 1 && cy > y + 1 && cy < y + h - 1;
                bool outside = cx < x - 1 || cx > x + w + 1 || cy < y - 1 || cy > y + h + 1;
                float value = image[row, col].item<float>();
                if (inside) Assert.True(value > 0.5f, $"image {i}: pixel ({col}, {row}) inside the box is {value}");
                if (outside) Assert.True(value < 0.5f, $"image {i}: pixel ({col}, {row}) outside the box is {value}");
            }
        }
        // The draws did exercise cutting at the crop's edge.
        Assert.True(partial + gone > 0, "no crop cut the box");
    }

    [Fact]
    public void Keypoints_stay_on_their_dots_and_a_point_outside_the_crop_keeps_its_moved_position()
    {
        using var scope = NewDisposeScope();
        using var generator = new TorchSharp.torch.Generator(11);
        var points = new VectorTargetSpec("Keypoints", ["X0", "Y0", "X1", "Y1"], points: true);
        // Two 3x3 dots centred on (10.5, 8.5) and (36.5, 30.5).
        var images = zeros(Images, 1, Input.Height, Input.Width);
        images[TensorIndex.Colon, 0, TensorIndex.Slice(7, 10), TensorIndex.Slice(9, 12)] = 1f;
        images[TensorIndex.Colon, 0, TensorIndex.Slice(29, 32), TensorIndex.Slice(35, 38)] = 1f;
        var encoded = tensor(Enumerable.Range(0, Images).SelectMany(_ => new float[] { 10.5f, 8.5f, 36.5f, 30.5f }).ToArray()).reshape(Images, 4);

        var (moved, transforms) = Augment.Apply(images, new Augmentation { RandomResizedCrop = true, CropScaleMin = 0.1 }, generator);
        var result = points.Move(encoded, transforms!, Input).data<float>().ToArray();

        int inside = 0, outside = 0;
        for (int i = 0; i < Images; i++)
        for (int p = 0; p < 2; p++)
        {
            float x = result[4 * i + 2 * p], y = result[4 * i + 2 * p + 1];
            if (x < 0 || y < 0 || x >= Input.Width || y >= Input.Height) { outside++; continue; }
            inside++;
            // A crop only enlarges, so the dot is at least 3 px across and the pixel under the point is ink.
            float value = moved[i, 0, (long)y, (long)x].item<float>();
            Assert.True(value > 0.5f, $"image {i}, point {p} at ({x}, {y}) is on {value}");
        }
        Assert.True(inside > 0 && outside > 0, $"{inside} points inside, {outside} outside: the draws should give both");
    }

    [Fact]
    public void A_mask_moves_with_the_crop_by_nearest_neighbour_and_nothing_is_uncovered()
    {
        using var scope = NewDisposeScope();
        using var generator = new TorchSharp.torch.Generator(5);
        var mask = new MaskTargetSpec("Parts", Input.Width, Input.Height, ["Background", "Box"]);
        var image = Filled(14, 9, 16, 12);
        var encoded = image.reshape(Images, -1); // class 1 exactly where the image is white

        var (moved, transforms) = Augment.Apply(image, new Augmentation { RandomResizedCrop = true, CropScaleMin = 0.1 }, generator);
        var movedMask = mask.Move(encoded, transforms!, Input).reshape(Images, Input.Height, Input.Width);

        // A crop lies inside the image, so every pixel keeps a class; and the class is the ink's,
        // except on the one-pixel band along the box's edge where resampling greys the image.
        Assert.False((movedMask < 0).any().item<bool>());
        var ink = moved[.., 0] > 0.5f;
        var disagree = (ink != (movedMask == 1)).sum().item<long>();
        var edge = (moved[.., 0] > 0.05f & moved[.., 0] < 0.95f).sum().item<long>();
        Assert.True(disagree <= edge, $"{disagree} pixels disagree, {edge} on the edge band");
    }

    [Fact]
    public void The_crop_leaves_the_turn_of_a_declared_rotation_as_the_rotation_drew_it()
    {
        using var scope = NewDisposeScope();
        var rotation = new Augmentation { Rotation = 30, FlipHorizontal = true };
        using var g1 = new TorchSharp.torch.Generator(9);
        using var g2 = new TorchSharp.torch.Generator(9);
        var images = rand(Images, 1, Input.Height, Input.Width);

        var (_, turned) = Augment.Apply(images, rotation, g1);
        var (_, croppedAndTurned) = Augment.Apply(images, rotation with { RandomResizedCrop = true, CropRatioMin = 0.5, CropRatioMax = 2 }, g2);

        // Stretching along the image's axes comes first, so the turn and mirror read back are the rotation's own.
        var (turnA, flipA) = Augment.Decompose(turned!);
        var (turnB, flipB) = Augment.Decompose(croppedAndTurned!);
        Assert.True(allclose(turnA, turnB, atol: 1e-5));
        Assert.True((flipA == flipB).all().item<bool>());
        var angle = new RangeTargetSpec("Angle", -90, 90, unit: "degrees", imageRotation: RotationSense.Clockwise);
        var values = full(Images, 1, 5f);
        Assert.True(allclose(angle.Move(values, turned!, Input), angle.Move(values, croppedAndTurned!, Input), atol: 1e-3));
    }
}
