using Microsoft.CodeAnalysis;

namespace ImageDsl.Tests.Generator;

/// <summary>
/// One test per diagnostic of <c>[Augment]</c> (IMGDSL0034–0037, 0044): the ID, at the marked argument,
/// and no code generated; and the augmentations that corrupt nothing pass.
/// </summary>
public class AugmentationDiagnosticTests
{
    private const string Types = """
        public enum Turn { Left, Right, Straight }
        public readonly record struct Point(float X, float Y);

        """;

    private const string DigitTarget = "[Labels] public Digit Digit { get; init; }";

    private static Task Reports(string id, string augment, string targets, string message) =>
        DiagnosticTests.AssertReports(id, Types + $"[ImageModel, Augment({augment})] public partial class Spec1 {{ {targets} }}", message);

    [Theory]
    [InlineData("[|Shift = -1|]", "[Augment] Shift = -1 cannot be negative")]
    [InlineData("[|Shift = double.PositiveInfinity|]", "Shift = Infinity cannot be negative or infinite")]
    [InlineData("Shift = 2, [|Rotation = 190|]", "[Augment] Rotation = 190 must be in [0, 180] degrees")]
    [InlineData("[|Rotation = -5|]", "Rotation = -5 must be in [0, 180] degrees")]
    [InlineData("[|Scale = 1|]", "[Augment] Scale = 1 must be in [0, 1)")]
    [InlineData("[|Brightness = 1.5|]", "[Augment] Brightness = 1.5 must be in [0, 1]")]
    [InlineData("[|Contrast = -0.1|]", "[Augment] Contrast = -0.1 must be in [0, 1)")]
    [InlineData("[|Noise = double.NaN|]", "[Augment] Noise = NaN must be in [0, 1]")]
    [InlineData("RandomResizedCrop = true, [|CropScaleMin = 0|]", "[Augment] CropScaleMin = 0 must be in (0, 1] (a share of the image's area)")]
    [InlineData("[|CropScaleMax = 1.5|]", "[Augment] CropScaleMax = 1.5 must be in (0, 1]")]
    [InlineData("[|CropRatioMin = -1|]", "[Augment] CropRatioMin = -1 must be a positive finite width-to-height ratio")]
    [InlineData("[|CropScaleMin = 0.5|], CropScaleMax = 0.3", "[Augment] CropScaleMin = 0.5 is larger than CropScaleMax (0.3)")]
    [InlineData("[|CropRatioMin = 2|]", "[Augment] CropRatioMin = 2 is larger than CropRatioMax (1.333")]
    [InlineData("[|JitterSaturation = -0.2|]", "[Augment] JitterSaturation = -0.2 cannot be negative or infinite")]
    [InlineData("[|JitterHue = 0.6|]", "[Augment] JitterHue = 0.6 must be in [0, 0.5]")]
    [InlineData("[|Mixup = -1|]", "[Augment] Mixup = -1 cannot be negative or infinite (it is the alpha of Beta(alpha, alpha); 0 is off)")]
    public Task IMGDSL0034_invalid_augmentation_value(string augment, string message) =>
        Reports("IMGDSL0034", augment, DigitTarget, message);

    [Theory]
    [InlineData("[Range(-45, 45, Unit = \"degrees\")] public float Angle { get; init; }", "Rotation = 10 would corrupt 'Angle', an angle in degrees: rotating the image changes the answer")]
    [InlineData("[Range(0, 360, Periodic = true, Unit = \"°\")] public float Angle { get; init; }", "would corrupt 'Angle', an angle in °")]
    [InlineData("[Range(-1.5, 1.5, Unit = \"Radians\")] public double Angle { get; init; }", "an angle in Radians")]
    [InlineData("[Range(0, 90, Unit = \"degrees clockwise\")] public float Angle { get; init; }", "an angle in degrees clockwise")]
    public Task IMGDSL0035_rotation_changes_an_angle_target(string target, string message) =>
        Reports("IMGDSL0035", "Shift = 2, [|Rotation = 10|]", target, message);

    [Fact]
    public Task IMGDSL0035_a_flip_mirrors_an_angle_target() =>
        Reports("IMGDSL0035", "[|FlipHorizontal = true|]", "[Range(-45, 45, Unit = \"degrees\")] public float Angle { get; init; }",
            "FlipHorizontal = true would corrupt 'Angle', an angle in degrees: a mirror turns it the other way; if it is the image's own rotation, declare ImageRotation");

    [Theory]
    [InlineData("[Labels] public Turn Turn { get; init; }", "FlipHorizontal = true would corrupt 'Turn': its labels 'Left', 'Right' name a side, which a mirror swaps")]
    [InlineData("[Labels(\"LeftHand\", \"none\", \"rightHand\")] public string Hand { get; init; } = \"\";", "'Hand': its labels 'LeftHand', 'rightHand' name a side")]
    [InlineData("[Labels(\"left\", \"right\")] public bool FacesRight { get; init; }", "'FacesRight': its labels 'left', 'right' name a side")]
    [InlineData("[Labels(\"LEFT_EYE\", \"nose\", \"right-ear\", \"TurnRight\", \"Upright\")] public string Part { get; init; } = \"\";", "'Part': its labels 'LEFT_EYE', 'right-ear', 'TurnRight' name a side")]
    public Task IMGDSL0036_flip_swaps_labels_that_name_a_side(string target, string message) =>
        Reports("IMGDSL0036", "Brightness = 0.1, [|FlipHorizontal = true|]", target, message);

    [Theory]
    [InlineData("[|Shift = 2|], Brightness = 0.1", "[Augment] Shift = 2 would corrupt 'Center': it is a vector target, which geometric augmentation cannot move with the image")]
    [InlineData("Noise = 0.05, [|Scale = 0.1|]", "Scale = 0.1 would corrupt 'Center'")]
    [InlineData("[|FlipHorizontal = true|]", "FlipHorizontal = true would corrupt 'Center'")]
    [InlineData("JitterHue = 0.1, [|RandomResizedCrop = true|]", "[Augment] RandomResizedCrop = true would corrupt 'Center': it is a vector target")]
    public Task IMGDSL0037_geometric_augmentation_on_a_vector(string augment, string message) =>
        Reports("IMGDSL0037", augment, DigitTarget + " [Vector] public Point Center { get; init; }", message);

    [Theory]
    [InlineData("[|Mixup = 0.2|]", "[Range(0, 100)] public float Age { get; init; }", "[Augment] Mixup = 0.2 would corrupt 'Age': Mixup and CutMix mix two images' targets as soft labels, and 'Age' is a regression target, not a multi-class, multi-label or yes/no label")]
    [InlineData("JitterHue = 0.1, [|CutMix = 1|]", "[Box] public BoundingBox Box { get; init; }", "[Augment] CutMix = 1 would corrupt 'Box'")]
    [InlineData("[|CutMix = 1|]", "[Vector] public Point Center { get; init; }", "CutMix = 1 would corrupt 'Center'")]
    public Task IMGDSL0044_mixing_a_target_that_is_not_a_label(string augment, string target, string message) =>
        Reports("IMGDSL0044", augment, DigitTarget + " " + target, message);

    [Theory]
    // Boxes move with the image: the analyzer leaves them to the runtime.
    [InlineData("Shift = 2, Rotation = 10, Scale = 0.1, FlipHorizontal = true", "[Box] public BoundingBox Box { get; init; }")]
    // So do points, and an angle declared as the image's own rotation turns with it.
    [InlineData("Shift = 2, Rotation = 10, FlipHorizontal = true", "[Vector(Points = true)] public Point Center { get; init; }")]
    [InlineData("RandomResizedCrop = true, CropScaleMin = 0.25, CropRatioMax = 2", "[Box] public BoundingBox Box { get; init; }")]
    [InlineData("RandomResizedCrop = true, Rotation = 10", "[Vector(Points = true)] public Point Center { get; init; } [Range(0, 360, Periodic = true, Unit = \"deg\", ImageRotation = RotationSense.Clockwise)] public float Heading { get; init; }")]
    // Colour jitter is photometric; Mixup and CutMix mix labels of every label kind.
    [InlineData("JitterBrightness = 0.4, JitterContrast = 0.4, JitterSaturation = 0.4, JitterHue = 0.1", "[Vector] public Point Center { get; init; }")]
    [InlineData("Mixup = 0.2, CutMix = 1, RandomResizedCrop = true", DigitTarget + " [Labels] public System.Collections.Generic.IReadOnlySet<Turn> Seen { get; init; } = new System.Collections.Generic.HashSet<Turn>(); [Labels(\"dark\", \"lit\")] public bool Lit { get; init; }")]
    [InlineData("Rotation = 30, FlipHorizontal = true", "[Range(-45, 45, Unit = \"degrees\", ImageRotation = RotationSense.CounterClockwise)] public float Angle { get; init; }")]
    [InlineData("Rotation = 90", "[Range(0, 360, Periodic = true, Unit = \"deg\", ImageRotation = RotationSense.Clockwise)] public float Heading { get; init; }")]
    // Photometric changes leave every target as it is.
    [InlineData("Brightness = 1, Contrast = 0.5, Noise = 1", "[Vector] public Point Center { get; init; } [Range(0, 360, Periodic = true, Unit = \"degrees\")] public float Heading { get; init; } [Labels] public Turn Turn { get; init; }")]
    // Rotation of a range that is not an angle, flips of labels that name no side, zeros.
    [InlineData("Rotation = 20, FlipHorizontal = true", "[Range(-20, 50, Unit = \"degrees Celsius\")] public float Temperature { get; init; } [Value(Unit = \"°F\")] public double Outside { get; init; } [Range(0, 40, Unit = \"degC\")] public float Water { get; init; }")]
    [InlineData("FlipHorizontal = true", "[Labels(\"Upright\", \"Bright\", \"Copyright\", \"Leftover\")] public string Look { get; init; } = \"\"; [Labels(\"Dim\", \"Bright\")] public bool Lit { get; init; }")]
    [InlineData("Shift = 0, Rotation = 180, FlipHorizontal = true", "[Range(0, 100, Unit = \"px\")] public float Width { get; init; } " + DigitTarget)]
    [InlineData("Rotation = 0, FlipHorizontal = false", "[Range(-45, 45, Unit = \"degrees\")] public float Angle { get; init; } [Labels] public Turn Turn { get; init; } [Vector] public Point Center { get; init; }")]
    [InlineData("", DigitTarget)]
    public async Task Augmentation_that_corrupts_no_target_is_accepted(string augment, string targets)
    {
        var compilation = GeneratorHarness.Compile("using ImageDsl;\nnamespace Demo;\npublic enum Digit { Zero, One, Two }\n" + Types +
            $"[ImageModel, Augment({augment})] public partial class Spec1 {{ {targets} }}");

        var diagnostics = await GeneratorHarness.AnalyzeAsync(compilation);
        var run = GeneratorHarness.Run(compilation);

        Assert.Empty(diagnostics);
        Assert.Single(run.Result.GeneratedSources);
        Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public async Task Every_corrupting_argument_is_reported_for_every_target_it_corrupts()
    {
        var compilation = GeneratorHarness.Compile("using ImageDsl;\nnamespace Demo;\n" + Types + """
            [ImageModel, Augment(Shift = 2, Rotation = 10, FlipHorizontal = true, Noise = 2)]
            public partial class Spec1
            {
                [Range(0, 90, Unit = "deg")] public float Tilt { get; init; }
                [Labels] public Turn Turn { get; init; }
                [Vector] public Point Center { get; init; }
            }
            """);

        var ids = (await GeneratorHarness.AnalyzeAsync(compilation)).Select(d => d.Id).Order().ToArray();

        Assert.Equal(["IMGDSL0034", "IMGDSL0035", "IMGDSL0035", "IMGDSL0036", "IMGDSL0037", "IMGDSL0037", "IMGDSL0037"], ids);
    }
}
