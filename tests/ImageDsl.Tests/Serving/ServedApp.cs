using ImageDsl.AspNetCore;
using ImageDsl.Serving;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ImageDsl.Tests.Serving;

/// <summary>A real Kestrel server on a free loopback port serving one model at /predict, with /health.</summary>
internal sealed class ServedApp<TModel> : IAsyncDisposable where TModel : class, IImagePredictor
{
    private ServedApp(WebApplication app)
    {
        App = app;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(60) };
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public PredictionBatcher<TModel> Batcher => App.Services.GetRequiredService<PredictionBatcher<TModel>>();

    public static Task<ServedApp<TModel>> Start(string modelPath, Action<ImagePredictionOptions>? configure = null) =>
        Start(services => services.AddImageModel<TModel>(modelPath, configure));

    public static Task<ServedApp<TModel>> Start(Func<IServiceProvider, TModel> factory, Action<ImagePredictionOptions>? configure = null) =>
        Start(services => services.AddImageModel(factory, configure));

    private static async Task<ServedApp<TModel>> Start(Action<IServiceCollection> register)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        register(builder.Services);
        var app = builder.Build();
        app.MapImagePrediction<TModel>("/predict");
        app.MapHealthChecks("/health");
        await app.StartAsync();
        return new ServedApp<TModel>(app);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
