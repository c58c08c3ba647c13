using ImageDsl.Specs;

namespace ImageDsl.Tests;

/// <summary>Hand-built runtime specs for tests that must not depend on the generator.</summary>
internal static class TestSpecs
{
    public static readonly string[] DigitNames = ["Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine"];

    public static ModelSpec Digits(string name = "Tests.Digits") => new(name, new InputSpec(28, 28, 1), Backbone.SmallCnn,
        [new LabelTargetSpec("Digit", DigitNames, aliases: Enumerable.Range(0, 10).Select(i => i.ToString()).ToArray())]);

    public static ModelSpec Rotation(double min = -45, double max = 45) => new("Tests.Rotation", new InputSpec(28, 28, 1), Backbone.SmallCnn,
        [new RangeTargetSpec("Angle", min, max, unit: "degrees")]);
}
