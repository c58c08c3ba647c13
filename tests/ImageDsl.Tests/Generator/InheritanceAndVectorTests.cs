using ImageDsl.Tests.Generator.Fixtures;

namespace ImageDsl.Tests.Generator;

/// <summary>
/// Targets declared in base classes are the spec's targets (docs/targets.md), and vector types
/// are read from all their numbers: required init members set by an object initializer, any
/// other member an error (IMGDSL0041).
/// </summary>
public class InheritanceAndVectorTests
{
    private const string Usings = "using ImageDsl;\nnamespace Demo;\n#pragma warning disable CS1591\npublic enum Digit { Zero, One, Two }\n";

    [Fact]
    public void Inherited_targets_come_first_and_are_read_from_a_csv_and_encoded()
    {
        // InheritedSpec and its base are compiled by the real build, warnings as errors.
        Assert.Equal(["Shape", "Size", "Offset"], InheritedSpec.Spec.Targets.Select(t => t.Name));
        using var folder = new TemporaryDirectory();
        // Real images: loading checks that each listed file is one.
        foreach (var name in new[] { "a.png", "b.png" })
        {
            using var image = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.L8>(4, 4);
            SixLabors.ImageSharp.ImageExtensions.SaveAsPng(image, folder.File(name));
        }
        File.WriteAllText(folder.File("labels.csv"), "file,Shape,Size,Dx,Dy\na.png,Triangle,12.5,1,-2\nb.png,circle,0,0.25,4\n");

        var data = InheritedSpec.LoadCsv(folder.File("labels.csv"));

        Assert.Equal([2f, 12.5f, 1f, -2f], data.Samples[0].Targets);
        Assert.Equal([0f, 0f, 0.25f, 4f], data.Samples[1].Targets);
    }

    [Theory]
    [InlineData("public class Base { [Labels] public Digit Digit { get; init; } } [ImageModel] public partial class S : Base { [Range(0, 1)] public float X { get; init; } }", "Digit,X")]
    [InlineData("public class Top { [Labels] public bool A { get; init; } } public class Middle : Top { [Labels] public bool B { get; init; } } [ImageModel] public partial class S : Middle { [Labels] public bool C { get; init; } }", "A,B,C")]
    [InlineData("public abstract class Base { [Range(0, 1)] public abstract float X { get; init; } } [ImageModel] public partial class S : Base { public override float X { get; init; } }", "X")]
    [InlineData("public class Base { [Range(0, 1)] public virtual float X { get; init; } } [ImageModel] public partial class S : Base { [Range(0, 5)] public override float X { get; init; } [Labels] public bool B { get; init; } }", "X,B")]
    [InlineData("public class Base { [Range(0, 1)] public float X { get; init; } [Labels] public bool B { get; init; } } [ImageModel] public partial class S : Base { public new int X { get; init; } }", "B")]
    [InlineData("public abstract record Base([property: Labels] Digit Digit); [ImageModel] public partial record S(Digit Digit, [property: Range(0, 1)] float X) : Base(Digit);", "Digit,X")]
    [InlineData("public class Base { [Labels] protected internal bool Wet { get; protected set; } } [ImageModel] public partial class S : Base { }", "Wet")]
    public async Task Targets_of_base_classes_are_the_specs(string source, string targets)
    {
        var run = await GeneratorHarness.AssertCompilesCleanlyAsync(1, Usings + source);

        // The spec's summary lists its targets in order: "target X", "targets A and B", "targets A, B and C".
        var names = targets.Split(',');
        var listed = names.Length == 1 ? "target " + names[0] : "targets " + string.Join(", ", names[..^1]) + " and " + names[^1];
        Assert.Contains($", {listed}.</summary>", Assert.Single(run.Sources));
    }

    [Theory]
    [InlineData("public class Base { [Labels] private bool [|Hidden|] { get; init; } } [ImageModel] public partial class S : Base { [Labels] public bool B { get; init; } }",
        "IMGDSL0014", "Target property 'Hidden' is declared private in the base class 'Demo.Base'")]
    [InlineData("public class Base { [Labels] public bool [|B|] { private get; init; } } [ImageModel] public partial class S : Base { }",
        "IMGDSL0014", "Target property 'B' is readable only inside its base class 'Demo.Base'")]
    [InlineData("public class Base { [Labels] public bool [|B|] { get; private set; } } [ImageModel] public partial class S : Base { }",
        "IMGDSL0027", "it has no setter or init accessor that 'S' may use, and no constructor of 'S' takes every target as a parameter")]
    public Task Inherited_targets_the_spec_cannot_use_are_reported(string markup, string id, string message) =>
        DiagnosticTests.AssertReports(id, markup, message);

    [Theory]
    [InlineData("public sealed class P { public required float X { get; init; } public required double Y { get; init; } }", "[Vector] public P Point { get; init; } = new() { X = 0, Y = 0 };")]
    [InlineData("public sealed class P { public P() { } [System.Diagnostics.CodeAnalysis.SetsRequiredMembers] public P(float x, float y) { X = x; Y = y; } public required float X { get; init; } public required float Y { get; init; } }", "[Vector] public P Point { get; init; } = new(0, 0);")]
    [InlineData("public class Planar { public float X { get; set; } } public class P : Planar { public required float Y { get; init; } }", "[Vector] public P Point { get; init; } = new() { Y = 0 };")]
    [InlineData("public record struct P(float X, float Y) { public readonly float Length => X + Y; public readonly string Text => $\"{X}\"; }", "[Vector] public P Point { get; init; }")]
    public Task Vector_types_with_required_init_members_and_computed_members_compile(string type, string target) =>
        GeneratorHarness.AssertCompilesCleanlyAsync(1, Usings + type + $"\n[ImageModel] public partial class S {{ {target} }}");

    [Theory]
    [InlineData("public struct P { public float X; public float Y; public int Id; }", "'Point' has type 'Demo.P', whose int member 'Id' is not float or double, but every field and settable property of a [Vector] type is one of its numbers")]
    [InlineData("public struct P { public float X; public float Y; public string Name { get; set; } }", "whose string member 'Name' is not float or double")]
    [InlineData("public record P(float X, float Y) { public int Tag { get; init; } }", "whose int member 'Tag' is not float or double")]
    [InlineData("public record P(float X, float Y, int Id);", "whose int member 'Id'")]
    [InlineData("public readonly struct P { public readonly float X; public readonly decimal Y; }", "whose decimal member 'Y'")]
    [InlineData("public class Named { public string? Name { get; set; } } public class P : Named { public float X { get; set; } }", "whose string? member 'Name'")]
    [InlineData("public sealed class P { public required float X { get; init; } public required string Name { get; init; } }", "whose string member 'Name'")]
    public Task IMGDSL0041_a_vector_member_that_is_not_a_number(string type, string message) =>
        DiagnosticTests.AssertReports("IMGDSL0041", type + "\n[ImageModel] public partial class S { [Vector] public [|P|] Point { get; init; } = default!; }", message);

    [Fact]
    public Task IMGDSL0041_a_box_member_that_is_not_a_number() =>
        DiagnosticTests.AssertReports("IMGDSL0041",
            "public struct Frame { public float X, Y, W, H; public bool Empty; }\n[ImageModel] public partial class S { [Box] public [|Frame|] Frame { get; init; } }",
            "'Frame' has type 'Demo.Frame', whose bool member 'Empty' is not float or double, but every field and settable property of a [Box] type is one of its numbers");
}
