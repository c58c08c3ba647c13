using System.Text.Json;

namespace ImageDsl.Tests.Metrics;

/// <summary>
/// <c>../shared/fixtures/metrics-sklearn.json</c>: inputs and the values scikit-learn 1.2.1
/// computes for them (schema in <c>../shared/fixtures/README.md</c>). Read once per run.
/// </summary>
internal static class SklearnFixture
{
    public const string RelativePath = "fixtures/metrics-sklearn.json";

    private static readonly Lazy<JsonElement[]> AllCases = new(Load);

    /// <summary>Theory data: the index and kind of every case. Read only when the file exists.</summary>
    public static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        for (var i = 0; i < AllCases.Value.Length; i++)
        {
            data.Add(i, AllCases.Value[i].GetProperty("kind").GetString()!);
        }

        return data;
    }

    public static JsonElement Case(int index) => AllCases.Value[index];

    public static int[] Ints(JsonElement array) => array.EnumerateArray().Select(e => e.GetInt32()).ToArray();

    public static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    /// <summary>Rows of a matrix, or, for a flat array, one single-value row per element.</summary>
    public static double[][] Rows(JsonElement array) =>
        array.EnumerateArray()
            .Select(e => e.ValueKind == JsonValueKind.Array ? Doubles(e) : [e.GetDouble()])
            .ToArray();

    private static JsonElement[] Load()
    {
        var path = SharedFiles.Find(RelativePath)
            ?? throw new FileNotFoundException(SharedFiles.SkipReason([RelativePath]));
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.Clone()).ToArray();
    }
}
