using ImageDsl.Serving;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ImageDsl.AspNetCore;

/// <summary>
/// Healthy when the model is loaded and a blank image goes through the batcher and the model
/// within five seconds: a model file that fails to load, a stopped batcher or a failing forward
/// pass make the check unhealthy, with the reason.
/// </summary>
/// <typeparam name="TModel">The served model type.</typeparam>
public sealed class ImageModelHealthCheck<TModel>(IServiceProvider services) : IHealthCheck where TModel : class, IImagePredictor
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var batcher = services.GetRequiredService<PredictionBatcher<TModel>>();
            if (!batcher.IsRunning) return HealthCheckResult.Unhealthy($"The prediction batcher of {batcher.Model.Spec.Name} has stopped.");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await batcher.PredictAsync(new byte[batcher.Model.Spec.Input.Size], timeout.Token).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"{batcher.Model.Spec.Name} is serving.", new Dictionary<string, object>
            {
                ["requests"] = batcher.Requests,
                ["batches"] = batcher.Batches,
                ["largestBatch"] = batcher.LargestBatch,
            });
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{typeof(TModel).FullName} cannot predict: {e.Message}", e);
        }
    }
}
