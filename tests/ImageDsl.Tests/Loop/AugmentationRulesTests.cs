using ImageDsl.Specs;
using ImageDsl.Training;
using GeneratorRules = ImageDsl.Generators.Shared.AugmentationRules;
using RuntimeRules = ImageDsl.Training.AugmentationRules;

namespace ImageDsl.Tests.Loop;

/// <summary>
/// The word rules of <c>AugmentationRules</c>, compiled into both the runtime and the generator:
/// which labels name a side (a flip swaps them) and which units are angles (a rotation changes
/// them). Each case is checked against both copies, so the analyzer and the trainer agree.
/// </summary>
public class AugmentationRulesTests
{
    [Theory]
    [InlineData("Left", true)]
    [InlineData("right", true)]
    [InlineData("RIGHT", true)]
    [InlineData("TurnLeft", true)]
    [InlineData("TurnRight", true)]
    [InlineData("leftHand", true)]
    [InlineData("LeftArm", true)]
    [InlineData("rightLeg", true)]
    [InlineData("LEFT_EYE", true)]
    [InlineData("eye_right", true)]
    [InlineData("right-hand", true)]
    [InlineData("left eye", true)]
    [InlineData("Left2", true)]
    [InlineData("2right", true)]
    [InlineData("XRight", true)]
    [InlineData("Upright", false)]
    [InlineData("Bright", false)]
    [InlineData("BRIGHT", false)]
    [InlineData("Copyright", false)]
    [InlineData("Wright", false)]
    [InlineData("Cleft", false)]
    [InlineData("Leftover", false)]
    [InlineData("lefty", false)]
    [InlineData("LEFTHAND", false)]
    [InlineData("Straight", false)]
    [InlineData("", false)]
    public void A_label_names_a_side_when_one_of_its_words_is_left_or_right(string label, bool side)
    {
        Assert.Equal(side, RuntimeRules.NamesASide(label));
        Assert.Equal(side, GeneratorRules.NamesASide(label));
    }

    [Theory]
    [InlineData("degrees", true, false)]
    [InlineData("Degree", true, false)]
    [InlineData(" deg ", true, false)]
    [InlineData("°", true, false)]
    [InlineData("radians", true, true)]
    [InlineData("Radian", true, true)]
    [InlineData("rad", true, true)]
    [InlineData("rad (clockwise)", true, true)]
    [InlineData("degrees clockwise", true, false)]
    [InlineData("compass degrees", true, false)]
    [InlineData("degrees Celsius", false, false)]
    [InlineData("degrees celsius", false, false)]
    [InlineData("Degrees Fahrenheit", false, false)]
    [InlineData("°C", false, false)]
    [InlineData("° C", false, false)]
    [InlineData("°F", false, false)]
    [InlineData("degC", false, false)]
    [InlineData("degF", false, false)]
    [InlineData("deg K", false, false)]
    [InlineData("℃", false, false)]
    [InlineData("kelvin", false, false)]
    [InlineData("px", false, false)]
    [InlineData("degreesofarc", false, false)]
    [InlineData("gradient", false, false)]
    [InlineData("", false, false)]
    [InlineData(null, false, false)]
    public void A_unit_is_an_angle_when_a_word_names_one_and_none_a_temperature(string? unit, bool angle, bool radians)
    {
        Assert.Equal(angle, RuntimeRules.IsAngleUnit(unit));
        Assert.Equal(angle, GeneratorRules.IsAngleUnit(unit));
        Assert.Equal(radians, RuntimeRules.IsRadians(unit));
        Assert.Equal(radians, GeneratorRules.IsRadians(unit));
        Assert.Equal(angle ? radians ? 1 : 180 / Math.PI : null, AngleUnits.PerRadian(unit));
    }

    [Theory]
    [InlineData("leftHand", new[] { "left", "Hand" })]
    [InlineData("HTMLParser", new[] { "HTML", "Parser" })]
    [InlineData("LEFT_EYE", new[] { "LEFT", "EYE" })]
    [InlineData("right-hand2", new[] { "right", "hand", "2" })]
    [InlineData("°C", new[] { "°", "C" })]
    [InlineData("degC", new[] { "deg", "C" })]
    [InlineData("  Up right ", new[] { "Up", "right" })]
    [InlineData("naïveÜber", new[] { "naïve", "Über" })]
    public void Words_split_at_case_digits_punctuation_and_symbols(string text, string[] words)
    {
        Assert.Equal(words, RuntimeRules.Words(text));
        Assert.Equal(words, GeneratorRules.Words(text));
    }

    [Fact]
    public void The_trainer_accepts_a_flip_for_upright_and_bright_and_a_rotation_for_degrees_celsius()
    {
        var spec = TestSpecs.Digits() with
        {
            Targets =
            [
                new LabelTargetSpec("Pose", ["Upright", "Lying"]),
                new BinaryTargetSpec("Lit", negativeLabel: "Dim", positiveLabel: "Bright"),
                new RangeTargetSpec("Temperature", -20, 50, unit: "degrees Celsius"),
            ],
        };

        Assert.Empty(new Augmentation { FlipHorizontal = true, Rotation = 20 }.Conflicts(spec));
        var eyes = spec with { Targets = [new MultiLabelTargetSpec("Eyes", ["LEFT_EYE", "RightEye", "Nose"])] };
        Assert.Contains("(LEFT_EYE, RightEye)", Assert.Single(new Augmentation { FlipHorizontal = true }.Conflicts(eyes)));
    }
}
