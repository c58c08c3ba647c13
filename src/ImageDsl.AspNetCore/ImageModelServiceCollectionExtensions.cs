using System.Reflection;
using ImageDsl.Serving;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ImageDsl.AspNetCore;

/// <summary>Registers ImageDsl models for serving.</summary>
public static class ImageModelServiceCollectionExtensions
{
    /// <summary>
    /// Registers the model in <paramref name="path"/> as a singleton, loaded with the type's
    /// generated static <c>Load(string)</c> (a TorchSharp <c>Model</c> from a saved model file, an
    /// <c>OnnxPredictor</c> from an .onnx file) when first needed; the batcher
    /// <see cref="MapImagePredictionExtensions.MapImagePrediction{TModel}"/> uses; and a health check
    /// named <c>imagedsl-&lt;spec name&gt;</c>.
    /// </summary>
    /// <typeparam name="TModel">A generated <c>Model</c> or <c>OnnxPredictor</c>.</typeparam>
    /// <param name="services">The app's services.</param>
    /// <param name="path">The model file.</param>
    /// <param name="configure">Sets batching and request limits.</param>
    /// <exception cref="ArgumentException"><typeparamref name="TModel"/> has no static <c>Load(string)</c> returning it.</exception>
    public static IServiceCollection AddImageModel<TModel>(this IServiceCollection services, string path, Action<ImagePredictionOptions>? configure = null)
        where TModel : class, IImagePredictor
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var load = typeof(TModel).GetMethod("Load", BindingFlags.Public | BindingFlags.Static, [typeof(string)]);
        if (load is null || load.ReturnType != typeof(TModel))
            throw new ArgumentException($"{typeof(TModel).FullName} has no public static Load(string) returning it; pass a factory to AddImageModel instead.", nameof(TModel));
        var full = Path.GetFullPath(path);
        return services.AddImageModel(_ =>
        {
            try
            {
                return (TModel)load.Invoke(null, [full])!;
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }
        }, configure);
    }

    /// <summary>Registers the model <paramref name="factory"/> makes (once) for serving; see <see cref="AddImageModel{TModel}(IServiceCollection, string, Action{ImagePredictionOptions}?)"/>.</summary>
    public static IServiceCollection AddImageModel<TModel>(this IServiceCollection services, Func<IServiceProvider, TModel> factory, Action<ImagePredictionOptions>? configure = null)
        where TModel : class, IImagePredictor
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(factory);
        var options = new ImagePredictionOptions();
        configure?.Invoke(options);
        options.Validate();
        services.TryAddSingleton(factory);
        services.TryAddSingleton(sp => new PredictionBatcher<TModel>(sp.GetRequiredService<TModel>(), options));
        services.AddHealthChecks().AddCheck<ImageModelHealthCheck<TModel>>($"imagedsl-{typeof(TModel).DeclaringType?.Name ?? typeof(TModel).Name}",
            tags: ["imagedsl"]);
        return services;
    }
}
