using System.Text.Json;
using System.Text.Json.Serialization;
using ImageDsl.Images;
using ImageDsl.Serving;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace ImageDsl.AspNetCore;

/// <summary>Maps the prediction endpoint of a model registered with <c>AddImageModel</c>.</summary>
public static class MapImagePredictionExtensions
{
    /// <summary>How predictions are written: camelCase, enums by name (labels read as labels).</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c>: the body is one image, raw (<c>Content-Type:
    /// image/png</c>, <c>image/jpeg</c>, any <c>image/*</c> or <c>application/octet-stream</c>) or
    /// the first file of a <c>multipart/form-data</c> form (the field named <c>image</c> if there
    /// is one). The answer is the typed prediction as JSON; a bad request gets a problem+json
    /// answer saying why: 400 damaged image or no file, 413 over
    /// <see cref="ImagePredictionOptions.MaxRequestBytes"/>, 415 wrong content type or not an image,
    /// 422 an image declaring more pixels than the model's <c>DecodingLimits.MaxPixels</c> (an image
    /// bomb, refused from its header), 503 queue full. See docs/serving.md.
    /// </summary>
    public static RouteHandlerBuilder MapImagePrediction<TModel>(this IEndpointRouteBuilder endpoints, string pattern) where TModel : class, IImagePredictor
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        // Fail at start-up, not on the first request, when AddImageModel is missing.
        if (endpoints.ServiceProvider.GetService<PredictionBatcher<TModel>>() is null)
            throw new InvalidOperationException($"No served model {typeof(TModel).FullName}: call builder.Services.AddImageModel<{typeof(TModel).Name}>(path) before MapImagePrediction.");
        Func<HttpContext, Task<IResult>> handler = Handle<TModel>;
        return endpoints.MapPost(pattern, (Delegate)handler)
            .DisableAntiforgery()
            .WithName($"ImageDslPredict{typeof(TModel).DeclaringType?.Name ?? typeof(TModel).Name}");
    }

    private static async Task<IResult> Handle<TModel>(HttpContext context) where TModel : class, IImagePredictor
    {
        var batcher = context.RequestServices.GetRequiredService<PredictionBatcher<TModel>>();
        var limit = batcher.Options.MaxRequestBytes;
        var aborted = context.RequestAborted;
        byte[] encoded;
        try
        {
            var read = await UploadReader.Read(context.Request, limit, aborted).ConfigureAwait(false);
            if (read.Problem is { } problem) return problem;
            encoded = read.Bytes!;
        }
        catch (InvalidDataException e) when (ImageRejections.ReasonOf(e) == ImageRejection.TooManyBytes)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "Image too large", e.Message);
        }

        var model = batcher.Model;
        byte[] decoded;
        try
        {
            // Decoded on the request's thread, so requests decode in parallel while the batcher runs the model.
            decoded = ImageLoader.Decode(encoded, model.Spec.Input, model.DecodingLimits with { MaxFileBytes = Math.Max(limit, model.DecodingLimits.MaxFileBytes) });
        }
        catch (InvalidDataException e)
        {
            return ImageRejections.ReasonOf(e) switch
            {
                ImageRejection.NotAnImage => Problem(StatusCodes.Status415UnsupportedMediaType, "Not an image", $"The upload is {e.Message}."),
                ImageRejection.TooManyPixels => Problem(StatusCodes.Status422UnprocessableEntity, "Image dimensions over the limit", $"Refused before decoding: {e.Message}."),
                ImageRejection.TooManyBytes => Problem(StatusCodes.Status413PayloadTooLarge, "Image too large", e.Message),
                _ => Problem(StatusCodes.Status400BadRequest, "Damaged image", $"The image cannot be decoded: {e.Message}"),
            };
        }

        try
        {
            var prediction = await batcher.PredictAsync(decoded, aborted).ConfigureAwait(false);
            // Declared as object, so the serializer writes the prediction's own record type.
            return Results.Json(prediction, JsonOptions);
        }
        catch (PredictionQueueFullException e)
        {
            return Problem(StatusCodes.Status503ServiceUnavailable, "Server busy", e.Message);
        }
    }

    internal static IResult Problem(int status, string title, string detail) => Results.Problem(detail: detail, statusCode: status, title: title);
}

/// <summary>Reads the one image of a request, raw or multipart, never more than the limit.</summary>
internal static class UploadReader
{
    public const string Accepted = "image/png, image/jpeg, image/* or application/octet-stream (the raw image as the body), or multipart/form-data with a file";

    public static async Task<(byte[]? Bytes, IResult? Problem)> Read(HttpRequest request, long limit, CancellationToken cancellation)
    {
        if (request.ContentLength is { } length && length > limit)
            return (null, Over(length, limit));
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || type.MediaType.Value is not { } media)
            return (null, MapImagePredictionExtensions.Problem(StatusCodes.Status415UnsupportedMediaType, "Missing content type", $"Send {Accepted}."));

        if (media.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = limit, ValueLengthLimit = 1 << 16 }, cancellation).ConfigureAwait(false);
            var file = form.Files.GetFile("image") ?? form.Files.FirstOrDefault();
            if (file is null)
                return (null, MapImagePredictionExtensions.Problem(StatusCodes.Status400BadRequest, "No file", "The multipart form holds no file; send the image as a file field (named image)."));
            if (file.Length > limit) return (null, Over(file.Length, limit));
            await using var stream = file.OpenReadStream();
            return (ImageLoader.ReadBounded(stream, limit), null);
        }
        if (media.StartsWith("image/", StringComparison.OrdinalIgnoreCase) || media.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase))
        {
            var body = await ReadBodyAsync(request.Body, limit, cancellation).ConfigureAwait(false);
            return body is null ? (null, Over(null, limit)) : (body, null);
        }
        return (null, MapImagePredictionExtensions.Problem(StatusCodes.Status415UnsupportedMediaType, "Wrong content type", $"Content-Type {media} is not accepted; send {Accepted}."));
    }

    private static IResult Over(long? length, long limit) =>
        MapImagePredictionExtensions.Problem(StatusCodes.Status413PayloadTooLarge, "Image too large",
            length is { } n ? $"The upload is {n:N0} bytes, over the limit of {limit:N0}." : $"The upload is over the limit of {limit:N0} bytes.");

    /// <summary>The body, or null once it passes the limit (a chunked upload declares no length).</summary>
    private static async Task<byte[]?> ReadBodyAsync(Stream body, long limit, CancellationToken cancellation)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellation).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
