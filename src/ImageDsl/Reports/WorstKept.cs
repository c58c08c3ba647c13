namespace ImageDsl.Reports;

/// <summary>
/// The <see cref="Capacity"/> items of highest score seen so far, ties going to the earlier one,
/// as a stable sort by descending score would rank them: a dense target keeps only its worst
/// images' maps for the report's pictures, not every image's.
/// </summary>
internal sealed class WorstKept<T>(int capacity)
{
    private readonly List<(int Index, double Score, T Item)> kept = [];

    public int Capacity { get; } = capacity;

    /// <summary>True when an item of <paramref name="score"/> offered now would be kept (ask before copying a map).</summary>
    public bool Accepts(double score) => !double.IsNaN(score) && Capacity > 0 && (kept.Count < Capacity || score > kept[^1].Score); // an equal score came later: it ranks after

    /// <summary>Keeps item number <paramref name="index"/> (increasing from call to call) if <see cref="Accepts"/> its score.</summary>
    public void Add(int index, double score, T item)
    {
        if (!Accepts(score)) return;
        if (kept.Count == Capacity) kept.RemoveAt(kept.Count - 1);
        int at = kept.FindIndex(k => k.Score < score);
        kept.Insert(at < 0 ? kept.Count : at, (index, score, item));
    }

    /// <summary>The kept items, worst first.</summary>
    public IReadOnlyList<(int Index, double Score, T Item)> Items => kept;
}

/// <summary>One worst image's true and predicted maps (a value map's values, a mask's class indices), row by row, kept for the report's pictures.</summary>
internal sealed record KeptMaps(int Width, int Height, float[] Truth, float[] Predicted)
{
    /// <summary>How many worst images a dense target keeps the maps of: the pictures show at most this many.</summary>
    public const int Capacity = 16;
}
