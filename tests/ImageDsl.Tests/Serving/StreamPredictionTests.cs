using ImageDsl.Images;
using ImageDsl.Tests.Images;

namespace ImageDsl.Tests.Serving;

/// <summary>Predict(Stream) and Predict(ReadOnlySpan&lt;byte&gt;) on the TorchSharp model and the ONNX predictor.</summary>
public sealed class StreamPredictionTests(ServingModels models) : IClassFixture<ServingModels>
{
    [Fact]
    public void Streams_and_bytes_predict_what_the_file_predicts_on_both_predictors()
    {
        foreach (var path in models.Images.Take(4))
        {
            var expected = models.Model.Predict(path);
            var bytes = File.ReadAllBytes(path);
            using (var stream = File.OpenRead(path)) Probabilities.AssertSame(expected, models.Model.Predict(stream));
            Probabilities.AssertSame(expected, models.Model.Predict(bytes.AsSpan()));
            using (var stream = new MemoryStream(bytes)) Probabilities.AssertSame(expected, models.Onnx.Predict(stream));
            Probabilities.AssertSame(expected, models.Onnx.Predict((ReadOnlySpan<byte>)bytes));
        }
    }

    [Fact]
    public void A_stream_that_cannot_seek_is_read_to_its_end()
    {
        var path = models.Images[0];
        using var stream = new ForwardOnlyStream(File.ReadAllBytes(path));
        Probabilities.AssertSame(models.Model.Predict(path), models.Model.Predict(stream));
    }

    public static TheoryData<string> Refusals => new() { "text", "empty", "bomb", "too many bytes", "truncated" };

    private static (byte[] Bytes, ImageRejection Reason, string Says) Refused(string kind) => kind switch
    {
        "text" => ("name,digit\nx.png,3\n"u8.ToArray(), ImageRejection.NotAnImage, "not a supported image"),
        "empty" => ([], ImageRejection.NotAnImage, "0 bytes"),
        "bomb" => (CraftedImages.PngClaimingSize(100_000, 100_000), ImageRejection.TooManyPixels, "100000x100000"),
        "too many bytes" => (new byte[2_000], ImageRejection.TooManyBytes, "over the limit of 1,000"),
        _ => (CraftedImages.ValidPng()[..60], ImageRejection.Damaged, ""),
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Bad_bytes_are_refused_with_a_reason_and_a_message_on_both_predictors(string kind)
    {
        var (bytes, reason, says) = Refused(kind);
        var limits = kind == "too many bytes" ? new DecodingLimits { MaxFileBytes = 1_000 } : DecodingLimits.Default;
        models.Model.DecodingLimits = limits;
        models.Onnx.DecodingLimits = limits;
        try
        {
            var errors = new Exception[]
            {
                Assert.Throws<InvalidDataException>(() => models.Model.Predict(bytes.AsSpan())),
                Assert.Throws<InvalidDataException>(() => models.Model.Predict(new ForwardOnlyStream(bytes))),
                Assert.Throws<InvalidDataException>(() => models.Onnx.Predict(new MemoryStream(bytes))),
                Assert.Throws<InvalidDataException>(() => models.Onnx.Predict((ReadOnlySpan<byte>)bytes)),
            };
            foreach (var error in errors)
            {
                Assert.Equal(reason, ImageRejections.ReasonOf(error));
                Assert.Contains(says, error.Message);
            }
        }
        finally
        {
            models.Model.DecodingLimits = DecodingLimits.Default;
            models.Onnx.DecodingLimits = DecodingLimits.Default;
        }
    }

    [Fact]
    public void An_image_bomb_is_refused_from_its_header_without_allocating_its_pixels()
    {
        var bomb = CraftedImages.PngClaimingSize(60_000, 60_000);
        long before = GC.GetTotalAllocatedBytes(precise: true);
        Assert.Throws<InvalidDataException>(() => models.Onnx.Predict((ReadOnlySpan<byte>)bomb));
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.True(allocated < 20 << 20, $"allocated {allocated:N0} bytes while refusing a 3.6-gigapixel header");
    }
}

/// <summary>A stream that, like a network body, cannot seek and has no length.</summary>
internal sealed class ForwardOnlyStream(byte[] data) : Stream
{
    private int position;
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }

    public override int Read(byte[] buffer, int offset, int count)
    {
        // Short reads, as sockets give them.
        int n = Math.Min(Math.Min(count, 500), data.Length - position);
        Array.Copy(data, position, buffer, offset, n);
        position += n;
        return n;
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
