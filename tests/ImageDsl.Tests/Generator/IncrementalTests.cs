using System.Collections;
using ImageDsl.Generators;
using ImageDsl.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace ImageDsl.Tests.Generator;

/// <summary>
/// Edits that do not change a spec regenerate nothing: every tracked step of the second run is
/// Cached or Unchanged. Changing the spec does regenerate.
/// </summary>
public class IncrementalTests
{
    private const string OtherClass = """
        namespace Demo.Other;

        public class Helper
        {
            public int Compute() { return 1; }
        }
        """;

    private static (GeneratorDriver Driver, Compilation Compilation) FirstRun()
    {
        var compilation = GeneratorHarness.Compile(SpecSources.Mixed, OtherClass);
        var run = GeneratorHarness.Run(compilation);
        Assert.Single(run.Result.GeneratedSources);
        return (run.Driver, compilation);
    }

    private static Compilation Edit(Compilation compilation, int treeIndex, Func<string, string> edit)
    {
        var tree = compilation.SyntaxTrees.ElementAt(treeIndex);
        var text = tree.GetText().ToString();
        var edited = edit(text);
        Assert.NotEqual(text, edited);
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(edited)));
    }

    private static void AssertNothingRegenerated(GeneratorRunResult result)
    {
        var parse = Assert.Contains(ImageModelGenerator.TrackingNames.Parse, result.TrackedSteps);
        var valid = Assert.Contains(ImageModelGenerator.TrackingNames.ValidSpecs, result.TrackedSteps);
        var files = Assert.Contains(ImageModelGenerator.TrackingNames.Files, result.TrackedSteps);
        var output = result.TrackedOutputSteps.SelectMany(pair => pair.Value).ToList();
        Assert.NotEmpty(output);
        foreach (var (step, name) in parse.Select(s => (s, "parse")).Concat(valid.Select(s => (s, "valid"))).Concat(files.Select(s => (s, "files"))).Concat(output.Select(s => (s, "output"))))
            foreach (var (_, reason) in step.Outputs)
                Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"The {name} step ran again: {reason}.");
        Assert.Single(result.GeneratedSources);
    }

    [Fact]
    public void Running_again_without_a_change_regenerates_nothing()
    {
        var (driver, compilation) = FirstRun();

        AssertNothingRegenerated(GeneratorHarness.Run(compilation, driver).Result);
    }

    [Fact]
    public void Adding_an_unrelated_file_regenerates_nothing()
    {
        var (driver, compilation) = FirstRun();
        var added = compilation.AddSyntaxTrees(GeneratorHarness.Parse("namespace Demo.Extra; internal sealed class Unrelated { }", "Unrelated.cs"));

        AssertNothingRegenerated(GeneratorHarness.Run(added, driver).Result);
    }

    [Fact]
    public void Adding_a_comment_to_the_spec_regenerates_nothing()
    {
        var (driver, compilation) = FirstRun();
        var edited = Edit(compilation, 0, text => text.Replace(
            "    /// <summary>Not a target.</summary>",
            "    // A comment that moves every position below it.\n    /// <summary>Not a target.</summary>"));

        AssertNothingRegenerated(GeneratorHarness.Run(edited, driver).Result);
    }

    [Fact]
    public void Changing_a_method_body_in_another_class_regenerates_nothing()
    {
        var (driver, compilation) = FirstRun();
        var edited = Edit(compilation, 1, text => text.Replace("return 1;", "return 2 + 2;"));

        AssertNothingRegenerated(GeneratorHarness.Run(edited, driver).Result);
    }

    [Fact]
    public void Changing_the_spec_regenerates_it()
    {
        var (driver, compilation) = FirstRun();
        var edited = Edit(compilation, 0, text => text.Replace("Width = 96", "Width = 128"));

        var result = GeneratorHarness.Run(edited, driver).Result;

        var parse = result.TrackedSteps[ImageModelGenerator.TrackingNames.Parse].SelectMany(s => s.Outputs);
        Assert.Contains(parse, o => o.Reason == IncrementalStepRunReason.Modified);
        var output = result.TrackedOutputSteps.SelectMany(pair => pair.Value).SelectMany(s => s.Outputs);
        Assert.Contains(output, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("new global::ImageDsl.Specs.InputSpec(Width: 128, Height: 48, Channels: 3)", Assert.Single(result.GeneratedSources).SourceText.ToString());
    }

    [Fact]
    public void Adding_a_label_in_another_file_regenerates_the_spec()
    {
        // The enum lives in another file: the spec's own syntax is untouched, but its model changes.
        var spec = """
            using ImageDsl;
            namespace Demo;
            [ImageModel] public partial class Spec1 { [Labels] public Color Color { get; init; } }
            """;
        var compilation = GeneratorHarness.Compile(spec, "namespace Demo; public enum Color { Red, Green }");
        var first = GeneratorHarness.Run(compilation);
        var edited = Edit(compilation, 1, text => text.Replace("Green", "Green, Blue"));

        var result = GeneratorHarness.Run(edited, first.Driver).Result;

        Assert.Contains("global::Demo.Color.Blue => 2,", Assert.Single(result.GeneratedSources).SourceText.ToString());
    }

    /// <summary>A spec with a method of its own, for edits inside the spec class but outside its targets.</summary>
    private const string SpecWithMethod = """
        using ImageDsl;
        using System.Collections.Generic;
        namespace Demo.Edits;
        [System.Flags] public enum Tags { Even = 1, Loop = 2 }
        public enum Kind { A, B }
        [ImageModel(Width = 32, Height = 32, Channels = 1, Backbone = Backbone.CoordCnn)]
        public partial class Everything
        {
            [Labels] public Kind Kind { get; init; }
            [Labels("no", "yes")] public bool Flag { get; init; }
            [Labels] public Tags Tags { get; init; }
            [Labels] public IReadOnlySet<Kind> Kinds { get; init; } = new HashSet<Kind>();
            [Range(0, 360, Periodic = true, Unit = "degrees")] public float Heading { get; init; }
            [Value] public double Depth { get; init; }
            [Vector(Length = 4)] public float[] Points { get; init; } = new float[4];
            [Box(BoxFormat.XYXY, Min = 0, Max = 32)] public BoundingBox Box { get; init; }
            public int Helper() { return 1; }
        }
        """;

    [Theory]
    [InlineData("return 1;", "return 1 + 1;")]
    [InlineData("public int Helper()", "// a comment\n    public int Helper()")]
    [InlineData("public int Helper() { return 1; }", "public int Helper() { return 1; }\n    private void Another() { }")]
    public void Editing_the_spec_class_outside_its_targets_regenerates_nothing(string from, string to)
    {
        var compilation = GeneratorHarness.Compile(SpecWithMethod, OtherClass);
        var first = GeneratorHarness.Run(compilation);
        Assert.Single(first.Result.GeneratedSources);
        var edited = Edit(compilation, 0, text => text.Replace(from, to.Replace("\\n", "\n")));

        AssertNothingRegenerated(GeneratorHarness.Run(edited, first.Driver).Result);
    }

    [Theory]
    [InlineData("Threshold", "[Labels(\"no\", \"yes\")]", "[Labels(\"no\", \"yes\", Threshold = 0.7)]", "threshold: 0.7")]
    [InlineData("Box format", "BoxFormat.XYXY", "BoxFormat.XYWH", "box: global::ImageDsl.BoxFormat.XYWH")]
    [InlineData("vector length", "Length = 4)] public float[]", "Length = 6)] public float[]", "\"4\", \"5\"")]
    [InlineData("augmentation", "public partial class Everything", "[Augment(Brightness = 0.25)] public partial class Everything", "Brightness = 0.25,")]
    public void Changing_any_target_option_regenerates_the_spec(string what, string from, string to, string expected)
    {
        var compilation = GeneratorHarness.Compile(SpecWithMethod);
        var first = GeneratorHarness.Run(compilation);
        var edited = Edit(compilation, 0, text => text.Replace(from, to));

        var result = GeneratorHarness.Run(edited, first.Driver).Result;

        Assert.True(result.TrackedOutputSteps.SelectMany(p => p.Value).SelectMany(s => s.Outputs).Any(o => o.Reason == IncrementalStepRunReason.Modified), what);
        Assert.Contains(expected, Assert.Single(result.GeneratedSources).SourceText.ToString());
    }

    [Fact]
    public void Changing_one_spec_regenerates_that_spec_only()
    {
        // The hint names are made unique over all specs; only the names are shared between them.
        var other = "using ImageDsl;\nnamespace Demo.Second;\n[ImageModel] public partial class Other { [Labels] public bool Flag { get; init; } }";
        var compilation = GeneratorHarness.Compile(SpecSources.Mixed, other);
        var first = GeneratorHarness.Run(compilation);
        Assert.Equal(2, first.Result.GeneratedSources.Length);
        var edited = Edit(compilation, 0, text => text.Replace("Width = 96", "Width = 128"));

        var result = GeneratorHarness.Run(edited, first.Driver).Result;

        var reasons = result.TrackedOutputSteps.SelectMany(p => p.Value).SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(1, reasons.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(1, reasons.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
    }

    [Fact]
    public void Equal_specs_parse_to_equal_models()
    {
        static SpecModel Parse() => (SpecModel)GeneratorHarness.Run(GeneratorHarness.Compile(SpecSources.Mixed))
            .Result.TrackedSteps[ImageModelGenerator.TrackingNames.Parse].Single().Outputs.Single().Value;

        var first = Parse();
        var second = Parse();

        Assert.NotSame(first, second);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    private static readonly Type[] Forbidden =
        [typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location), typeof(Compilation), typeof(SemanticModel), typeof(Diagnostic), typeof(AttributeData)];

    [Fact]
    public void The_model_holds_no_symbols_syntax_locations_compilations_or_diagnostics()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Compile([.. SpecSources.All.Values])).Result;
        var models = result.TrackedSteps[ImageModelGenerator.TrackingNames.Parse].SelectMany(s => s.Outputs).Select(o => o.Value).ToList();
        Assert.Equal(SpecSources.All.Count, models.Count);

        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var model in models)
        {
            Assert.IsType<SpecModel>(model);
            Walk(model, "spec", seen);
        }
        // Every model type is a record: compared by value, not by reference.
        var modelTypes = seen.Select(o => o.GetType()).Where(t => t.Namespace == typeof(SpecModel).Namespace && !t.IsValueType && !t.IsArray).Distinct().ToList();
        Assert.Contains(typeof(LabelTargetModel), modelTypes);
        Assert.Contains(typeof(ScalarTargetModel), modelTypes);
        Assert.Contains(typeof(BinaryTargetModel), modelTypes);
        Assert.Contains(typeof(MultiLabelTargetModel), modelTypes);
        Assert.Contains(typeof(VectorTargetModel), modelTypes);
        Assert.Contains(typeof(ComponentModel), modelTypes);
        Assert.Contains(typeof(ConstructionModel), modelTypes);
        Assert.Contains(typeof(AugmentationModel), modelTypes);
        Assert.All(modelTypes, t => Assert.NotNull(t.GetProperty("EqualityContract", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)));
    }

    private static void Walk(object? value, string path, HashSet<object> seen)
    {
        if (value is null) return;
        var type = value.GetType();
        Assert.False(Forbidden.Any(f => f.IsAssignableFrom(type)), $"{path} holds a {type.FullName}.");
        if (type.IsPrimitive || type.IsEnum || value is string) return;
        if (!type.IsValueType && !seen.Add(value)) return;
        if (value is IEnumerable items)
        {
            int i = 0;
            foreach (var item in items) Walk(item, $"{path}[{i++}]", seen);
        }
        const System.Reflection.BindingFlags Fields = System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public |
            System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.DeclaredOnly;
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
            foreach (var field in t.GetFields(Fields))
                Walk(field.GetValue(value), $"{path}.{field.Name}", seen);
    }
}
