using ImageDsl.Modeling;
using ImageDsl.Tests.Modeling;
using ImageDsl.Training;
using Xunit.Abstractions;

namespace ImageDsl.Tests.Hardening;

/// <summary>
/// Every damaged model file and checkpoint is refused with a message naming it: each byte
/// flipped, and the file cut at every length. Before the checksum, 47 flips in the
/// weights loaded and 10 of them changed predictions.
/// </summary>
public class ModelFileIntegrityTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_byte_flip_and_every_truncation_of_a_model_file_is_refused_naming_the_file()
    {
        using var temp = new TemporaryDirectory();
        var good = temp.File("good.imgdsl");
        using (var model = CompatibleKinds.Model.Create(seed: 3)) model.Save(good);
        var bytes = File.ReadAllBytes(good);
        var damaged = temp.File("damaged.imgdsl");

        int refused = 0, tried = 0;
        void Try(byte[] content, string what)
        {
            tried++;
            File.WriteAllBytes(damaged, content);
            var error = Assert.Throws<ModelFileException>(() => { using var _ = CompatibleKinds.Model.Load(damaged); });
            Assert.True(error.Message.Contains(damaged), $"{what}: the message does not name the file: {error.Message}");
            refused++;
        }

        for (int i = 0; i < bytes.Length; i++) Try(Flipped(bytes, i), $"byte {i} flipped");
        for (int length = 0; length < bytes.Length; length++) Try(bytes[..length], $"cut at {length}");

        output.WriteLine($"model file of {bytes.Length} bytes: {refused} of {tried} damaged copies refused ({bytes.Length} flips, {bytes.Length} truncations)");
        Assert.Equal(2 * bytes.Length, refused);
        using (CompatibleKinds.Model.Load(good)) { } // and the intact file still loads
    }

    [Fact]
    public void Every_byte_flip_and_every_truncation_of_a_checkpoint_is_refused_naming_the_file()
    {
        using var temp = new TemporaryDirectory();
        var data = SmallRun.Data(temp.File("data"));
        var checkpoint = temp.File("run.ckpt");
        var options = new TrainingOptions { Epochs = 1, BatchSize = 16, CheckpointPath = checkpoint };
        using (var model = CompatibleKinds.Model.Create(seed: 3)) model.Train(data, options);
        var bytes = File.ReadAllBytes(checkpoint);
        var damaged = temp.File("damaged.ckpt");

        int refused = 0;
        void Try(byte[] content)
        {
            File.WriteAllBytes(damaged, content);
            var error = Assert.Throws<ModelFileException>(() => Checkpoint.ReadState(damaged));
            Assert.Contains(damaged, error.Message);
            refused++;
        }

        for (int i = 0; i < bytes.Length; i++)
        {
            var copy = (byte[])bytes.Clone();
            copy[i] ^= 0xFF;
            Try(copy);
        }
        for (int length = 0; length < bytes.Length; length++) Try(bytes[..length]);
        output.WriteLine($"checkpoint of {bytes.Length} bytes: {refused} damaged copies refused ({bytes.Length} flips, {bytes.Length} truncations)");
        Assert.Equal(2 * bytes.Length, refused);

        // Resume goes through the same check (one flip in the weights, one cut).
        foreach (var content in new[] { Flipped(bytes, bytes.Length / 2), bytes[..(bytes.Length - 1)] })
        {
            File.WriteAllBytes(damaged, content);
            using var model = CompatibleKinds.Model.Create(seed: 3);
            var error = Assert.Throws<ModelFileException>(() => model.Resume(damaged, data, options with { CheckpointPath = temp.File("other.ckpt") }));
            Assert.Contains(damaged, error.Message);
            Assert.Contains("checksum", error.Message);
        }
    }

    [Fact]
    public void An_edited_pixel_mean_in_the_header_is_refused()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.File("m.imgdsl");
        using (var model = CompatibleKinds.Model.Create(seed: 3)) model.Save(path);
        var bytes = File.ReadAllBytes(path);
        var text = System.Text.Encoding.Latin1.GetString(bytes);
        int at = text.IndexOf("\"mean\": [", StringComparison.Ordinal) + "\"mean\": [".Length;
        while (!char.IsDigit(text[at])) at++;
        bytes[at] = (byte)(bytes[at] == '4' ? '3' : '4'); // 0.5 becomes 0.4 (or the like): still valid JSON
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<ModelFileException>(() => CompatibleKinds.Model.Load(path));

        Assert.Equal("checksum", error.Field);
        Assert.Contains(path, error.Message);
    }

    private static byte[] Flipped(byte[] bytes, int index)
    {
        var copy = (byte[])bytes.Clone();
        copy[index] ^= 0xFF;
        return copy;
    }
}
