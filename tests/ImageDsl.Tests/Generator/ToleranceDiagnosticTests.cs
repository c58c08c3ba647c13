namespace ImageDsl.Tests.Generator;

/// <summary>
/// IMGDSL0045: a Tolerance that is not positive and finite, or that no error of the target can
/// exceed, is reported at the argument; a valid one on every regression kind compiles cleanly
/// and reaches the generated spec.
/// </summary>
public class ToleranceDiagnosticTests
{
    private const string Types = """
        public readonly record struct Point(float X, float Y);

        """;

    private static Task Reports(string target, string message) =>
        DiagnosticTests.AssertReports("IMGDSL0045", Types + $"[ImageModel] public partial class Spec1 {{ {target} }}", message);

    [Theory]
    [InlineData("[Range(0, 90, [|Tolerance = 0|])] public float Angle { get; init; }", "Tolerance of 'Angle' is 0, but it must be a positive finite number")]
    [InlineData("[Range(0, 90, [|Tolerance = -1|])] public float Angle { get; init; }", "is -1, but it must be a positive finite number")]
    [InlineData("[Range(0, 90, [|Tolerance = double.NaN|])] public float Angle { get; init; }", "is NaN, but it must be a positive finite number")]
    [InlineData("[Range(0, 90, [|Tolerance = double.PositiveInfinity|])] public float Angle { get; init; }", "is Infinity, but")]
    [InlineData("[Range(0, 90, [|Tolerance = 90|])] public float Angle { get; init; }", "no error can exceed 90 (a prediction is clamped into [0, 90])")]
    [InlineData("[Range(0, 360, Periodic = true, Unit = \"degrees\", [|Tolerance = 180|])] public float Heading { get; init; }", "no error can exceed 180 (a circular error is at most half the period of 360)")]
    [InlineData("[Range(0, 360, [|Tolerance = 200|], Periodic = true, Unit = \"degrees\")] public float Heading { get; init; }", "Tolerance of 'Heading' is 200")]
    [InlineData("[Value(Unit = \"kg\", [|Tolerance = -0.5|])] public double Weight { get; init; }", "Tolerance of 'Weight' is -0.5, but it must be a positive finite number")]
    [InlineData("[Value([|Tolerance = double.NegativeInfinity|])] public double Weight { get; init; }", "is -Infinity")]
    [InlineData("[Vector(Min = 0, Max = 64, [|Tolerance = 64|])] public Point P { get; init; }", "no error can exceed 64 (every component is clamped into [0, 64])")]
    [InlineData("[Vector(Length = 4, Points = true, [|Tolerance = 0|])] public float[] Eyes { get; init; } = new float[4];", "Tolerance of 'Eyes' is 0")]
    [InlineData("[Box([|Tolerance = 0|])] public BoundingBox Box { get; init; }", "Tolerance of 'Box' is 0")]
    [InlineData("[Box(BoxFormat.XYXY, Min = 0, Max = 1, [|Tolerance = 2|])] public BoundingBox Box { get; init; }", "no error can exceed 1 (every coordinate is clamped into [0, 1])")]
    public Task IMGDSL0045_invalid_tolerance(string target, string message) => Reports(target, message);

    [Fact]
    public async Task A_valid_tolerance_on_every_regression_kind_compiles_and_reaches_the_spec()
    {
        var run = await GeneratorHarness.AssertCompilesCleanlyAsync(1, """
            using ImageDsl;
            namespace Demo;
            [ImageModel]
            internal partial class Tolerant
            {
                [Range(0, 90, Tolerance = 89.5)] public float Angle { get; init; }
                [Range(0, 360, Periodic = true, Unit = "degrees", Tolerance = 179)] public float Heading { get; init; }
                [Value(Tolerance = 1e9)] public double Weight { get; init; }
                [Vector(Length = 4, Points = true, Tolerance = 1000)] public float[] Eyes { get; init; } = new float[4];
                [Box(Min = 0, Max = 64, Tolerance = 0.25)] public BoundingBox Box { get; init; }
            }
            """);
        var source = string.Join("\n", run.Sources);
        Assert.Contains("global::ImageDsl.Specs.PeriodicTargetSpec(\"Heading\"", source);
        foreach (var tolerance in new[] { "89.5", "179.0", "1000000000.0", "1000.0", "0.25" })
            Assert.Contains($"tolerance: {tolerance}", source);
    }
}
