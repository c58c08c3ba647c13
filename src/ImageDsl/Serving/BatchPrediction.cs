namespace ImageDsl.Serving;

/// <summary>How <c>PredictMany</c> runs.</summary>
public sealed record BatchPredictionOptions
{
    /// <summary>Images per forward pass (64 by default).</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>
    /// The most images decoded at once (the processor count by default). Fewer are used when fewer
    /// keep up with the network, whose threads decoding would otherwise slow down.
    /// </summary>
    public int DecodeParallelism { get; init; } = Environment.ProcessorCount;

    internal void Validate()
    {
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "BatchSize must be at least 1.");
        if (DecodeParallelism < 1) throw new ArgumentOutOfRangeException(nameof(DecodeParallelism), DecodeParallelism, "DecodeParallelism must be at least 1.");
    }
}

/// <summary>One image's outcome in <c>PredictMany</c>: its prediction, or why it failed.</summary>
/// <typeparam name="TPrediction">The generated prediction record.</typeparam>
/// <param name="Source">The image's name: its path for files.</param>
/// <param name="Index">Its position in the input, from 0.</param>
/// <param name="Prediction">The prediction; null when <see cref="Error"/> is set.</param>
/// <param name="Error">Why the image could not be read or decoded (missing, not an image, too large, damaged); null on success.</param>
public sealed record PredictionResult<TPrediction>(string Source, int Index, TPrediction? Prediction, string? Error)
{
    /// <summary>True when the image was predicted.</summary>
    public bool Succeeded => Error is null;
}

/// <summary>How far <c>PredictMany</c> has got, reported after each batch.</summary>
/// <param name="Completed">Images done so far, failed ones included.</param>
/// <param name="Failed">Images that could not be read or decoded.</param>
/// <param name="Total">How many images there are, when the input's count is known up front.</param>
public sealed record BatchPredictionProgress(int Completed, int Failed, int? Total);

/// <summary>
/// Predicts a stream of images: decodes a batch in parallel while the previous batch's forward
/// pass runs, yields results in input order, and turns unreadable images into failed results
/// instead of stopping.
/// </summary>
internal static class BatchPrediction
{
    private sealed record Decoded(ImageSource Source, int Index, byte[]? Pixels, string? Error);

    private sealed record DecodedBatch(Decoded[] Images, TimeSpan Work);

    public static async IAsyncEnumerable<PredictionResult<TPrediction>> Run<TPrediction>(IImagePredictor<TPrediction> predictor,
        IEnumerable<ImageSource> sources, BatchPredictionOptions? options, IProgress<BatchPredictionProgress>? progress,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(sources);
        options ??= new BatchPredictionOptions();
        options.Validate();
        int? total = sources.TryGetNonEnumeratedCount(out var count) ? count : null;
        int completed = 0, failed = 0, next = 0;
        using var items = sources.GetEnumerator();
        var pacing = new DecodePacing(options.DecodeParallelism);

        // One batch is decoded ahead; only that task touches the enumerator, so it is never read concurrently.
        Task<DecodedBatch> DecodeNext() => Task.Run(() =>
        {
            var batch = new List<(ImageSource, int)>(options.BatchSize);
            while (batch.Count < options.BatchSize && items.MoveNext())
            {
                if (items.Current is null) throw new ArgumentException($"Image source {next} is null.", nameof(sources));
                batch.Add((items.Current, next++));
            }
            var decoded = new Decoded[batch.Count];
            long work = 0;
            Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = pacing.Threads, CancellationToken = cancellation }, i =>
            {
                long start = System.Diagnostics.Stopwatch.GetTimestamp();
                decoded[i] = Decode(predictor, batch[i].Item1, batch[i].Item2);
                Interlocked.Add(ref work, System.Diagnostics.Stopwatch.GetTimestamp() - start);
            });
            return new DecodedBatch(decoded, System.Diagnostics.Stopwatch.GetElapsedTime(0, work));
        }, cancellation);

        var pending = DecodeNext();
        try
        {
            while (true)
            {
                var (batch, work) = await pending.ConfigureAwait(false);
                if (batch.Length == 0) break;
                pending = DecodeNext();
                var good = batch.Where(d => d.Pixels is not null).ToList();
                long forwardStart = System.Diagnostics.Stopwatch.GetTimestamp();
                var predictions = good.Count == 0 ? [] : await Task.Run(() => predictor.PredictDecoded(good.Select(d => d.Pixels!).ToList()), cancellation).ConfigureAwait(false);
                pacing.Observe(work, System.Diagnostics.Stopwatch.GetElapsedTime(forwardStart));
                int p = 0;
                foreach (var item in batch)
                {
                    cancellation.ThrowIfCancellationRequested();
                    completed++;
                    if (item.Error is not null) failed++;
                    yield return item.Error is null
                        ? new PredictionResult<TPrediction>(item.Source.Name, item.Index, predictions[p++], null)
                        : new PredictionResult<TPrediction>(item.Source.Name, item.Index, default, item.Error);
                }
                progress?.Report(new BatchPredictionProgress(completed, failed, total));
            }
        }
        finally
        {
            // A caller that stops early (break, cancellation) must not dispose the enumerator under the read-ahead.
            try { await pending.ConfigureAwait(false); }
            catch (Exception) when (pending.IsFaulted || pending.IsCanceled) { }
        }
    }

    private static Decoded Decode<TPrediction>(IImagePredictor<TPrediction> predictor, ImageSource source, int index)
    {
        try
        {
            using var stream = source.Open();
            return new Decoded(source, index, Images.ImageLoader.Decode(stream, predictor.Spec.Input, predictor.DecodingLimits), null);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            // FileNotFoundException is an IOException: a missing file is one failed result, like a damaged one.
            var reason = e is FileNotFoundException ? "not found" : e.Message;
            return new Decoded(source, index, null, $"Cannot read image {source.Name}: {reason}");
        }
    }
}
