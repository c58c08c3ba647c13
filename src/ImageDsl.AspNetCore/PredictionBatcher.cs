using System.Threading.Channels;
using ImageDsl.Serving;

namespace ImageDsl.AspNetCore;

/// <summary>Refused because the batcher's queue is full; the endpoint answers 503.</summary>
public sealed class PredictionQueueFullException(string message) : Exception(message);

/// <summary>
/// Collects decoded images from concurrent requests and runs them through the model in batches:
/// one loop takes the first waiting image, waits up to <see cref="ImagePredictionOptions.MaxWait"/>
/// for up to <see cref="ImagePredictionOptions.MaxBatchSize"/>, runs one forward pass and hands
/// each request its prediction. Only the loop calls the model, so forward passes never overlap
/// (a CPU forward pass already uses every core) and a model that is not thread-safe is safe.
/// </summary>
/// <typeparam name="TModel">The served model type: the key its registration is found by.</typeparam>
public sealed class PredictionBatcher<TModel> : IAsyncDisposable, IDisposable where TModel : class, IImagePredictor
{
    private sealed record Item(byte[] Image, TaskCompletionSource<object> Result);

    private readonly Channel<Item> queue;
    private readonly Task loop;
    private long requests, batches, largest;

    /// <summary>Starts the loop for <paramref name="model"/>.</summary>
    public PredictionBatcher(TModel model, ImagePredictionOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Model = model;
        Options = options;
        queue = Channel.CreateBounded<Item>(new BoundedChannelOptions(options.QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        loop = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    /// <summary>The served model.</summary>
    public TModel Model { get; }

    /// <summary>The batching and request limits.</summary>
    public ImagePredictionOptions Options { get; }

    /// <summary>Images predicted so far.</summary>
    public long Requests => Interlocked.Read(ref requests);

    /// <summary>Forward passes run so far.</summary>
    public long Batches => Interlocked.Read(ref batches);

    /// <summary>The most images one forward pass has held.</summary>
    public long LargestBatch => Interlocked.Read(ref largest);

    /// <summary>True while the loop runs (it stops only when disposed, or if it failed).</summary>
    public bool IsRunning => !loop.IsCompleted;

    /// <summary>Queues one decoded image (<see cref="Specs.InputSpec.Size"/> bytes) and returns its prediction once its batch has run.</summary>
    /// <exception cref="PredictionQueueFullException">More than <see cref="ImagePredictionOptions.QueueCapacity"/> images are waiting.</exception>
    /// <exception cref="ObjectDisposedException">The server is shutting down.</exception>
    public Task<object> PredictAsync(byte[] image, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Length != Model.Spec.Input.Size)
            throw new ArgumentException($"The decoded image holds {image.Length} bytes; {Model.Spec.Input} needs {Model.Spec.Input.Size}.", nameof(image));
        var item = new Item(image, new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(item))
        {
            if (loop.IsCompleted) throw new ObjectDisposedException(GetType().Name, $"The prediction batcher of {Model.Spec.Name} has stopped.");
            throw new PredictionQueueFullException($"{Options.QueueCapacity} images are already waiting for {Model.Spec.Name}; try again shortly.");
        }
        return item.Result.Task.WaitAsync(cancellation);
    }

    private async Task Run()
    {
        var reader = queue.Reader;
        var batch = new List<Item>(Options.MaxBatchSize);
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            Fill(reader, batch);
            if (batch.Count < Options.MaxBatchSize && Options.MaxWait > TimeSpan.Zero)
            {
                using var wait = new CancellationTokenSource(Options.MaxWait);
                try
                {
                    while (batch.Count < Options.MaxBatchSize && await reader.WaitToReadAsync(wait.Token).ConfigureAwait(false)) Fill(reader, batch);
                }
                catch (OperationCanceledException) when (wait.IsCancellationRequested)
                {
                    // The wait is over: run what has come.
                }
            }
            Forward(batch);
        }
    }

    private void Fill(ChannelReader<Item> reader, List<Item> batch)
    {
        while (batch.Count < Options.MaxBatchSize && reader.TryRead(out var item))
            if (!item.Result.Task.IsCompleted) batch.Add(item);
    }

    private void Forward(List<Item> batch)
    {
        if (batch.Count == 0) return;
        try
        {
            var predictions = Model.PredictDecodedObjects(batch.Select(i => i.Image).ToArray());
            for (int i = 0; i < batch.Count; i++) batch[i].Result.TrySetResult(predictions[i]);
        }
        catch (Exception e)
        {
            // One failed pass fails its own requests; the loop goes on serving.
            foreach (var item in batch) item.Result.TrySetException(e);
        }
        Interlocked.Add(ref requests, batch.Count);
        Interlocked.Increment(ref batches);
        long current;
        while (batch.Count > (current = Interlocked.Read(ref largest)) && Interlocked.CompareExchange(ref largest, batch.Count, current) != current) { }
    }

    /// <summary>Stops taking requests, finishes those queued, and waits for the loop.</summary>
    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await loop.ConfigureAwait(false);
    }

    /// <summary>As <see cref="DisposeAsync"/>, blocking.</summary>
    public void Dispose()
    {
        queue.Writer.TryComplete();
        loop.GetAwaiter().GetResult();
    }
}
