using ImageDsl.Tests.Modeling;

namespace ImageDsl.Tests.Hardening;

/// <summary><c>Predict("missing.png")</c> throws FileNotFoundException naming the file, not an AggregateException around InvalidDataException.</summary>
public class PredictMissingFileTests
{
    [Fact]
    public void A_missing_image_throws_FileNotFoundException_naming_it()
    {
        using var temp = new TemporaryDirectory();
        using var model = CompatibleKinds.Model.Create();
        model.AllowUntrained = true;
        var missing = temp.File("missing.png");

        var one = Assert.Throws<FileNotFoundException>(() => model.Predict(missing));
        var many = Assert.Throws<FileNotFoundException>(() => model.Predict([missing]));

        Assert.Equal(missing, one.FileName);
        Assert.Contains(missing, one.Message);
        Assert.Contains(missing, many.Message);
    }

    [Fact]
    public void A_broken_image_among_many_throws_its_own_exception_naming_it()
    {
        using var temp = new TemporaryDirectory();
        using var model = CompatibleKinds.Model.Create();
        model.AllowUntrained = true;
        var broken = temp.File("broken.png");
        File.WriteAllText(broken, "not a png");

        var error = Assert.Throws<InvalidDataException>(() => model.Predict([broken, broken]));

        Assert.Contains(broken, error.Message);
    }
}
