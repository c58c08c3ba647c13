using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ImageDsl.Tests.EndToEnd;
using ImageDsl.Tests.Images;

namespace ImageDsl.Tests.Serving;

/// <summary>ImageDsl.AspNetCore against a real Kestrel on loopback: predictions, bad requests, batching, health.</summary>
public sealed class AspNetCoreServingTests(ServingModels models) : IClassFixture<ServingModels>
{
    private static ByteArrayContent Raw(byte[] bytes, string type = "image/png")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return content;
    }

    private static MultipartFormDataContent Form(byte[] bytes, string field = "image")
    {
        var form = new MultipartFormDataContent();
        form.Add(Raw(bytes), field, "digit.png");
        return form;
    }

    /// <summary>The JSON answer against the in-process prediction: label by name, every probability.</summary>
    private static void AssertMatches(SampleDigits.Prediction expected, string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(expected.Digit.ToString(), root.GetProperty("digit").GetString());
        var probabilities = root.GetProperty("digitProbabilities");
        foreach (var (label, p) in expected.DigitProbabilities)
            Assert.Equal(p, probabilities.GetProperty(label.ToString()).GetSingle(), 4);
    }

    private static async Task<string> Ok(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return body;
    }

    [Fact]
    public async Task A_saved_model_answers_raw_and_multipart_uploads_with_its_typed_prediction()
    {
        var file = Path.Combine(models.Folder, "digits.imgdsl");
        models.Model.Save(file);
        await using var served = await ServedApp<SampleDigits.Model>.Start(file);

        foreach (var path in models.Images.Take(3))
        {
            var bytes = File.ReadAllBytes(path);
            var expected = models.Model.Predict(path);
            AssertMatches(expected, await Ok(await served.Client.PostAsync("/predict", Raw(bytes))));
            AssertMatches(expected, await Ok(await served.Client.PostAsync("/predict", Form(bytes))));
            AssertMatches(expected, await Ok(await served.Client.PostAsync("/predict", Raw(bytes, "application/octet-stream"))));
        }
    }

    [Fact]
    public async Task An_onnx_predictor_is_served_the_same_way()
    {
        await using var served = await ServedApp<SampleDigits.OnnxPredictor>.Start(models.OnnxPath);
        var path = models.Images[5];
        AssertMatches(models.Model.Predict(path), await Ok(await served.Client.PostAsync("/predict", Form(File.ReadAllBytes(path), field: "upload"))));
    }

    public static TheoryData<string> BadRequests => new() { "not an image", "damaged", "bomb", "over the size limit", "chunked over the size limit", "wrong content type", "no content type", "form without a file" };

    private static (HttpContent Content, HttpStatusCode Status, string Says) Bad(string kind) => kind switch
    {
        "not an image" => (Raw("<html>hello</html>"u8.ToArray()), HttpStatusCode.UnsupportedMediaType, "not a supported image"),
        "damaged" => (Raw(CraftedImages.ValidPng()[..60]), HttpStatusCode.BadRequest, "cannot be decoded"),
        "bomb" => (Raw(CraftedImages.PngClaimingSize(100_000, 100_000)), HttpStatusCode.UnprocessableEntity, "100000x100000"),
        "over the size limit" => (Raw(new byte[50_000]), HttpStatusCode.RequestEntityTooLarge, "50,000 bytes, over the limit of 20,000"),
        "chunked over the size limit" => (new StreamContent(new ForwardOnlyStream(new byte[50_000])) { Headers = { ContentType = new("image/png") } },
            HttpStatusCode.RequestEntityTooLarge, "over the limit of 20,000 bytes"),
        "wrong content type" => (new StringContent("a digit", System.Text.Encoding.UTF8, "text/plain"), HttpStatusCode.UnsupportedMediaType, "Content-Type text/plain is not accepted"),
        "no content type" => (new ByteArrayContent(CraftedImages.ValidPng()), HttpStatusCode.UnsupportedMediaType, "multipart/form-data"),
        _ => (new MultipartFormDataContent { { new StringContent("3"), "label" } }, HttpStatusCode.BadRequest, "holds no file"),
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_requests_get_a_4xx_saying_why_and_the_server_keeps_serving(string kind)
    {
        await using var served = await ServedApp<SampleDigits.OnnxPredictor>.Start(models.OnnxPath, o => o.MaxRequestBytes = 20_000);
        var (content, status, says) = Bad(kind);

        using var response = await served.Client.PostAsync("/predict", content);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(says, JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString());
        var path = models.Images[0];
        AssertMatches(models.Model.Predict(path), await Ok(await served.Client.PostAsync("/predict", Raw(File.ReadAllBytes(path)))));
    }

    [Fact]
    public async Task Concurrent_requests_share_forward_passes_up_to_the_batch_size()
    {
        var file = Path.Combine(models.Folder, "batching.imgdsl");
        models.Model.Save(file);
        await using var served = await ServedApp<SampleDigits.Model>.Start(file, o => { o.MaxBatchSize = 6; o.MaxWait = TimeSpan.FromMilliseconds(200); });
        var paths = Enumerable.Range(0, 18).Select(i => models.Images[i % models.Images.Count]).ToList();

        var answers = await Task.WhenAll(paths.Select(async p => await Ok(await served.Client.PostAsync("/predict", Raw(File.ReadAllBytes(p))))));

        for (int i = 0; i < paths.Count; i++) AssertMatches(models.Model.Predict(paths[i]), answers[i]);
        Assert.Equal(18, served.Batcher.Requests);
        Assert.InRange(served.Batcher.LargestBatch, 2, 6);
        Assert.True(served.Batcher.Batches < 18, $"{served.Batcher.Batches} forward passes for 18 concurrent requests");
    }

    [Fact]
    public async Task The_health_check_runs_an_image_through_the_model_and_fails_once_it_cannot()
    {
        var model = SampleDigits.Model.Create(seed: 2);
        model.AllowUntrained = true;
        await using var served = await ServedApp<SampleDigits.Model>.Start(_ => model);

        using (var healthy = await served.Client.GetAsync("/health"))
        {
            Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
            Assert.Equal("Healthy", await healthy.Content.ReadAsStringAsync());
        }
        Assert.Equal(1, served.Batcher.Requests);

        model.Dispose();
        using var unhealthy = await served.Client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unhealthy.StatusCode);
        using var refused = await served.Client.PostAsync("/predict", Raw(File.ReadAllBytes(models.Images[0])));
        Assert.Equal(HttpStatusCode.InternalServerError, refused.StatusCode);
    }

    [Fact]
    public void Registering_a_type_without_Load_or_mapping_without_registering_is_refused_clearly()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        var error = Assert.Throws<ArgumentException>(() => ImageDsl.AspNetCore.ImageModelServiceCollectionExtensions.AddImageModel<NoLoad>(services, "x.onnx"));
        Assert.Contains("has no public static Load(string)", error.Message);

        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
        using var app = builder.Build();
        var missing = Assert.Throws<InvalidOperationException>(() => ImageDsl.AspNetCore.MapImagePredictionExtensions.MapImagePrediction<SampleDigits.OnnxPredictor>(app, "/p"));
        Assert.Contains("AddImageModel<OnnxPredictor>", missing.Message);
    }

    private sealed class NoLoad : ImageDsl.Serving.IImagePredictor
    {
        public ImageDsl.Specs.ModelSpec Spec => SampleDigits.Spec;
        public ImageDsl.Images.DecodingLimits DecodingLimits => ImageDsl.Images.DecodingLimits.Default;
        public Type PredictionType => typeof(object);
        public IReadOnlyList<object> PredictDecodedObjects(IReadOnlyList<byte[]> images) => [];
    }
}
