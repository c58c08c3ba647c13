using System.Text;
using System.Text.Json.Nodes;
using ImageDsl.Modeling;
using ImageDsl.Tests.Modeling;

namespace ImageDsl.Tests.Hardening;

/// <summary>
/// Format-2 files have no checksum, so a header edited by hand reaches the field checks: each
/// malformed field is refused naming the file and the field, before any weights are read. The
/// files are the checked-in format-2 fixture with one field of its header changed.
/// </summary>
public class MalformedHeaderTests
{
    // A learned interval scale whose knots and scales the rows above complete.
    private const string LearnedScale = "{\"targets\":[{\"intervalRadii\":[1],\"intervalScales\":[{\"knots\":";
    private const string LearnedScaleEnd = ",\"quantile\":1,\"scaleImages\":2,\"quantileImages\":9}]}]}";

    private static string Fixture => Path.Combine(RepositoryPaths.Root, "tests", "ImageDsl.Tests", "Modeling", "Compatibility", "all-kinds.imgdsl");

    [Theory]
    [InlineData("normalization.std", "[]", "normalization.std")]
    [InlineData("normalization.std", "[0]", "normalization.std[0]")]
    [InlineData("normalization.mean", "[\"NaN\"]", "normalization.mean[0]")]
    [InlineData("normalization", "null", "normalization")]
    [InlineData("spec", "null", "spec")]
    [InlineData("spec.input", "null", "spec.input")]
    [InlineData("spec.input.channels", "0", "spec.input")]
    [InlineData("spec.targets", "null", "spec.targets")]
    [InlineData("spec.targets", "[]", "spec.targets")]
    [InlineData("targetStatistics.std", "[1]", "targetStatistics.std")]
    [InlineData("targetStatistics.mean", "null", "targetStatistics.mean")]
    [InlineData("calibration", LearnedScale + "[1,0],\"scales\":[1,1]" + LearnedScaleEnd, "calibration.targets[0].intervalScales[0]")]
    [InlineData("calibration", LearnedScale + "[0,1],\"scales\":[1,0]" + LearnedScaleEnd, "calibration.targets[0].intervalScales[0]")]
    [InlineData("calibration", "{\"targets\":[{\"intervalRadii\":[1,2],\"intervalScales\":[{\"knots\":[0],\"scales\":[1],\"quantile\":1,\"scaleImages\":2,\"quantileImages\":9}]}]}", "calibration.targets[0].intervalScales")]
    [InlineData("formatVersion", "1", "formatVersion")]
    [InlineData("formatVersion", "3", "formatVersion")] // a format-3 header without the checksum layout
    public void A_malformed_header_field_is_refused_naming_the_file_and_the_field(string field, string value, string reported)
    {
        using var temp = new TemporaryDirectory();
        var path = temp.File("edited.imgdsl");
        File.WriteAllBytes(path, WithHeader(File.ReadAllBytes(Fixture), header => Set(header, field, JsonNode.Parse(value))));

        var error = Assert.Throws<ModelFileException>(() => CompatibleKinds.Model.Load(path));

        Assert.Contains(path, error.Message);
        Assert.Equal(reported, error.Field);
        Assert.Contains(reported, error.Message);
    }

    [Fact]
    public void A_header_that_is_not_json_names_the_file()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.File("edited.imgdsl");
        var bytes = File.ReadAllBytes(Fixture);
        bytes[12] = (byte)'#';
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<ModelFileException>(() => CompatibleKinds.Model.Load(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("not valid", error.Message);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(11)]
    public void A_file_cut_inside_the_header_length_names_the_file_and_the_field(int length)
    {
        using var temp = new TemporaryDirectory();
        var path = temp.File("cut.imgdsl");
        File.WriteAllBytes(path, File.ReadAllBytes(Fixture)[..length]);

        var error = Assert.Throws<ModelFileException>(() => CompatibleKinds.Model.Load(path));

        Assert.Equal("header length", error.Field);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Format_2_weights_cut_short_are_refused_naming_the_file()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.File("cut.imgdsl");
        var bytes = File.ReadAllBytes(Fixture);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 100)]);

        var error = Assert.Throws<ModelFileException>(() => CompatibleKinds.Model.Load(path));

        Assert.Equal("weights", error.Field);
        Assert.Contains(path, error.Message);
    }

    /// <summary>The file with its JSON header replaced by <paramref name="edit"/>'s result; magic and weights as they were.</summary>
    internal static byte[] WithHeader(byte[] file, Action<JsonObject> edit)
    {
        int length = BitConverter.ToInt32(file, 8);
        var header = JsonNode.Parse(file.AsSpan(12, length))!.AsObject();
        edit(header);
        var json = Encoding.UTF8.GetBytes(header.ToJsonString());
        return [.. file[..8], .. BitConverter.GetBytes(json.Length), .. json, .. file[(12 + length)..]];
    }

    private static void Set(JsonObject header, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        JsonObject node = header;
        foreach (var part in parts[..^1]) node = node[part]!.AsObject();
        node[parts[^1]] = value;
    }
}
