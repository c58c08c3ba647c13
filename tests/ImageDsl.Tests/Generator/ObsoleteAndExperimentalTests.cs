using ImageDsl.Specs;
using ImageDsl.Tests.Generator.Fixtures;

namespace ImageDsl.Tests.Generator;

/// <summary>
/// Obsolete and experimental types and members the spec uses (docs/generated-code.md): the
/// generated file disables exactly their warnings, members obsolete as errors are no labels,
/// and any other use of something obsolete as an error is IMGDSL0042.
/// </summary>
public class ObsoleteAndExperimentalTests
{
    private const string Usings = "using System; using System.Diagnostics.CodeAnalysis; using ImageDsl;\nnamespace Demo;\n#pragma warning disable CS1591\n";

    [Theory]
    [InlineData("public enum F { A, [Obsolete] B }", "CS0612")]
    [InlineData("public enum F { A, [Obsolete(\"old\")] B }", "CS0618")]
    [InlineData("public enum F { A, [Obsolete(\"\")] B }", "CS0618")]
    [InlineData("public enum F { A, [Obsolete(\"old\", DiagnosticId = \"OLD001\")] B }", "OLD001")]
    [InlineData("public enum F { A, [Obsolete] B, [Obsolete(\"old\")] C, [Experimental(\"EXP001\")] D }", "CS0612, CS0618, EXP001")]
    [InlineData("[Experimental(\"EXP002\")] public enum F { A, B }\n#pragma warning disable EXP002", "EXP002")]
    [InlineData("public enum F { A, B } public static class Old { [Obsolete(\"gone\")] public enum G { C, D } }", null)]
    public async Task The_generated_file_disables_exactly_the_warnings_of_what_it_uses(string types, string? disabled)
    {
        var run = await GeneratorHarness.AssertCompilesCleanlyAsync(1, Usings + types + "\n[ImageModel] public partial class S { [Labels] public F Label { get; init; } }");

        var pragma = Assert.Single(run.Sources).Split('\n').Where(line => line.StartsWith("#pragma", StringComparison.Ordinal)).ToList();
        if (disabled is null) Assert.Empty(pragma);
        else Assert.StartsWith($"#pragma warning disable {disabled} //", Assert.Single(pragma));
    }

    [Theory]
    // An obsolete target property, type (the property is obsolete too, so the user's code is quiet) and vector members.
    [InlineData("[Obsolete(\"old\")] [Labels] public bool Flag { get; init; }", "CS0618")]
    [InlineData("[Obsolete] [Labels] public Legacy Kind { get; init; }", "CS0612, CS0618")]
    [InlineData("[Vector] public Mark Mark { get; init; } = new();", "CS0618")]
    [InlineData("[Vector] public Spot Spot { get; init; }", "OLDSPOT")]
    [InlineData("[Labels] public Fresh Kind { get; init; }", "EXPF")]
    public async Task Obsolete_and_experimental_targets_vectors_and_constructors_compile_without_warnings(string target, string disabled)
    {
        const string Types = """
            [Obsolete("Use New.")] public enum Legacy { A, B }
            public class Mark { [Obsolete("Use V.")] public float U { get; set; } public float V { get; set; } }
            public readonly record struct Spot { [Obsolete("Positional now.", DiagnosticId = "OLDSPOT")] public Spot(float x, float y) { X = x; Y = y; } public float X { get; } public float Y { get; } }
            public enum Fresh { A, [Experimental("EXPF")] B }
            #pragma warning disable EXPF

            """;
        var run = await GeneratorHarness.AssertCompilesCleanlyAsync(1, Usings + Types + $"[ImageModel] public partial class S {{ {target} }}");

        Assert.Contains($"#pragma warning disable {disabled} //", Assert.Single(run.Sources));
    }

    [Fact]
    public async Task Inside_an_obsolete_spec_nothing_is_disabled()
    {
        var run = await GeneratorHarness.AssertCompilesCleanlyAsync(1, Usings +
            "public enum F { A, [Obsolete(\"x\")] B, C } [Obsolete(\"old spec\")] [ImageModel] public partial class S { [Labels] public F Label { get; init; } }");

        Assert.DoesNotContain("#pragma", Assert.Single(run.Sources));
    }

    [Fact]
    public void Members_obsolete_as_errors_and_obsolete_aliases_are_no_labels()
    {
        // FruitSpec is compiled by the real build, warnings as errors.
        var fruit = Assert.IsType<LabelTargetSpec>(FruitSpec.Spec.Targets[0]);
        Assert.Equal(["Apple", "Banana", "Cherry"], fruit.Labels);
        Assert.Equal(["0", "1", "3"], fruit.Aliases);
        var toppings = Assert.IsType<MultiLabelTargetSpec>(FruitSpec.Spec.Targets[1]);
        Assert.Equal(["Cream", "Sprinkles", "Nuts"], toppings.Labels);
    }

    [Theory]
    [InlineData("[System.Obsolete(\"Read Digit2.\", true)] [Labels] public Digit [|Digit|] { get; init; }", "'Demo.S.Digit' is marked [Obsolete] as an error ('Read Digit2.'), but the generated code must use it to read and set the target 'Digit'")]
    [InlineData("[Vector] public [|Tip|] Tip { get; init; }", "'Demo.Tip.X' is marked [Obsolete] as an error ('gone'), but the generated code must use it to build the vector 'Tip'")]
    [InlineData("[Vector] public [|Pin|] Pin { get; init; }", "'Demo.Pin.Pin(float, float)' is marked [Obsolete] as an error, but the generated code must use it to build the vector 'Pin'")]
    public Task IMGDSL0042_a_use_of_something_obsolete_as_an_error(string target, string message) =>
        DiagnosticTests.AssertReports("IMGDSL0042", """
            public struct Tip { [System.Obsolete("gone", true)] public float X; public float Y; }
            public class Pin { [System.Obsolete(null, true)] public Pin(float x, float y) { X = x; Y = y; } public float X { get; } public float Y { get; } }
            
            """ + $"[ImageModel] public partial class S {{ {target} }}", message);

    [Fact]
    public Task IMGDSL0042_an_obsolete_constructor_creating_the_spec() =>
        DiagnosticTests.AssertReports("IMGDSL0042",
            "[ImageModel] public partial class [|S|] { [System.Obsolete(\"no\", true)] public S() { } [Labels] public Digit Digit { get; init; } }",
            "'Demo.S.S()' is marked [Obsolete] as an error ('no'), but the generated code must use it to create 'S' for each sample");
}
