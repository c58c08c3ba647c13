using System.Text;
using ImageDsl.Modeling;
using ImageDsl.Onnx;
using ImageDsl.Tests.Modeling;
using Xunit.Abstractions;

namespace ImageDsl.Tests.Hardening;

/// <summary>An exported ONNX file carries a checksum of itself in its metadata; the ONNX predictor refuses a file changed since export.</summary>
public class OnnxChecksumTests(ITestOutputHelper output)
{
    /// <summary>Every third byte: each field of the file is hit, in a third of the time.</summary>
    private const int Stride = 3;

    [Fact]
    public void Byte_flips_across_an_exported_model_are_refused_or_harmless()
    {
        using var temp = new TemporaryDirectory();
        var good = temp.File("m.onnx");
        using (var model = CompatibleKinds.Model.Create(seed: 3))
        {
            model.AllowUntrained = true;
            model.ExportOnnx(good);
        }
        using (CompatibleKinds.OnnxPredictor.Load(good)) { }
        var bytes = File.ReadAllBytes(good);
        // Flips inside the checksum entry's own key only hide the checksum: the model is intact, and loads as an unchecked (older) export would.
        int key = Encoding.ASCII.GetString(bytes).IndexOf(OnnxMetadata.ChecksumKey, StringComparison.Ordinal);
        var damaged = temp.File("damaged.onnx");

        int refused = 0, harmless = 0, tried = 0;
        for (int i = 0; i < bytes.Length; i += Stride)
        {
            var copy = (byte[])bytes.Clone();
            copy[i] ^= 0xFF;
            tried++;
            File.WriteAllBytes(damaged, copy);
            try
            {
                using var predictor = CompatibleKinds.OnnxPredictor.Load(damaged);
                Assert.True(i >= key && i < key + OnnxMetadata.ChecksumKey.Length, $"byte {i} flipped: the damaged file loaded");
                harmless++;
            }
            catch (ModelFileException e)
            {
                Assert.Contains(damaged, e.Message);
                refused++;
            }
        }
        output.WriteLine($"ONNX file of {bytes.Length} bytes, every {Stride}rd byte flipped: {refused} of {tried} flips refused, {harmless} in the checksum's key loaded unchecked");
        Assert.Equal(tried, refused + harmless);
        Assert.True(harmless <= OnnxMetadata.ChecksumKey.Length);
    }
}
