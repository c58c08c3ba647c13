using ImageDsl.Modeling;
using ImageDsl.Specs;

namespace ImageDsl.Tests.Hardening;

/// <summary>Another spec's file is refused with one line per differing field, never a whole JSON target list.</summary>
public class SpecDifferenceTests
{
    private static readonly ModelSpec Saved = TestSpecs.Digits() with
    {
        Targets = [.. TestSpecs.Digits().Targets, new RangeTargetSpec("Angle", -45, 45, unit: "degrees")],
    };

    [Fact]
    public void An_added_target_is_one_line_naming_it()
    {
        var differences = ModelFile.Differences(TestSpecs.Digits(), Saved);

        Assert.Equal(["spec.targets[1]: the file has no target of that name, this model declares 'Angle' (range)"], differences);
    }

    [Fact]
    public void A_removed_target_and_a_changed_field_of_a_kept_one_are_listed_field_by_field()
    {
        var declared = TestSpecs.Digits() with { Targets = [new RangeTargetSpec("Angle", -90, 45, unit: "degrees")] };

        var differences = ModelFile.Differences(Saved, declared);

        Assert.Equal(3, differences.Count);
        Assert.Contains("spec.targets[0]: the file has 'Digit' (labels), this model declares no target of that name", differences);
        Assert.Contains("spec.targets[1]: the file has 'Angle' at position 1, this model declares it at 0", differences);
        Assert.Contains("spec.targets[1].min: the file has -45, this model declares -90", differences);
        Assert.All(differences, d => Assert.DoesNotContain("[{", d));
    }
}
