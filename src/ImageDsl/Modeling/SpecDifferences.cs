using System.Text.Json;
using System.Text.Json.Nodes;
using ImageDsl.Specs;

namespace ImageDsl.Modeling;

/// <summary>
/// Field-by-field differences between a saved spec and a declared one. Lists of named objects
/// (the targets) are matched by name, so a target added, removed or moved is one line that
/// names it, and a changed field is one line with its path (<c>spec.targets[0].min</c>);
/// no line shows a whole target as JSON.
/// </summary>
internal static class SpecDifferences
{
    public static IReadOnlyList<string> Between(ModelSpec saved, ModelSpec declared)
    {
        var left = WithoutReportSettings(SpecJson.ToNode(saved with { Name = "" })!);
        var right = WithoutReportSettings(SpecJson.ToNode(declared with { Name = "" })!);
        var differences = new List<string>();
        Compare(left, right, "spec", differences);
        return differences;
    }

    /// <summary>
    /// The spec without what only changes how evaluation is reported (a target's tolerance): the
    /// weights do not depend on it, so a model trained with one tolerance loads under another and
    /// is evaluated against the one the spec now declares.
    /// </summary>
    private static JsonNode WithoutReportSettings(JsonNode spec)
    {
        if (spec["targets"] is JsonArray targets)
            foreach (var target in targets.OfType<JsonObject>()) target.Remove("tolerance");
        return spec;
    }

    private static void Compare(JsonNode? saved, JsonNode? declared, string path, List<string> differences)
    {
        if (saved is JsonObject a && declared is JsonObject b)
        {
            foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key)))
                Compare(a[key], b[key], $"{path}.{key}", differences);
        }
        else if (saved is JsonArray x && declared is JsonArray y && Named(x) && Named(y))
        {
            CompareNamed(x, y, path, differences);
        }
        else if (saved is JsonArray p && declared is JsonArray q && (p.Any(n => n is JsonObject) || q.Any(n => n is JsonObject)))
        {
            for (int i = 0; i < Math.Max(p.Count, q.Count); i++)
            {
                if (i < p.Count && i < q.Count) Compare(p[i], q[i], $"{path}[{i}]", differences);
                else differences.Add($"{path}[{i}]: the file has {(i < p.Count ? "an entry" : "none")}, this model declares {(i < q.Count ? "one" : "none")}");
            }
        }
        else if (!JsonNode.DeepEquals(saved, declared))
        {
            differences.Add($"{path}: the file has {Show(saved)}, this model declares {Show(declared)}");
        }
    }

    private static void CompareNamed(JsonArray saved, JsonArray declared, string path, List<string> differences)
    {
        var savedNames = saved.Select(NameOf).ToList();
        var declaredNames = declared.Select(NameOf).ToList();
        // A target found under neither name at the same position in both is taken as renamed and compared field by field.
        bool Renamed(int i) => i < saved.Count && i < declared.Count && !declaredNames.Contains(savedNames[i]) && !savedNames.Contains(declaredNames[i]);
        for (int i = 0; i < saved.Count; i++)
        {
            int j = declaredNames.IndexOf(savedNames[i]);
            if (Renamed(i))
            {
                Compare(saved[i], declared[i], $"{path}[{i}]", differences);
                continue;
            }
            if (j < 0)
            {
                differences.Add($"{path}[{i}]: the file has {Describe(saved[i]!)}, this model declares no target of that name");
                continue;
            }
            if (i != j) differences.Add($"{path}[{i}]: the file has '{savedNames[i]}' at position {i}, this model declares it at {j}");
            Compare(Without(saved[i]!), Without(declared[j]!), $"{path}[{i}]", differences);
        }
        for (int j = 0; j < declared.Count; j++)
        {
            if (!savedNames.Contains(declaredNames[j]) && !Renamed(j))
                differences.Add($"{path}[{j}]: the file has no target of that name, this model declares {Describe(declared[j]!)}");
        }
    }

    private static bool Named(JsonArray array) =>
        array.Count > 0 && array.All(n => n is JsonObject o && o["name"] is JsonValue v && v.TryGetValue<string>(out _))
                        && array.Select(NameOf).Distinct().Count() == array.Count;

    private static string NameOf(JsonNode? node) => node!["name"]!.GetValue<string>();

    private static string Describe(JsonNode node) =>
        node["kind"] is JsonValue kind ? $"'{NameOf(node)}' ({kind.ToJsonString().Trim('"')})" : $"'{NameOf(node)}'";

    /// <summary>The object without its name: names matched already, so they are not a difference.</summary>
    private static JsonNode Without(JsonNode node)
    {
        var copy = node.DeepClone().AsObject();
        copy.Remove("name");
        return copy;
    }

    private static string Show(JsonNode? node) => node?.ToJsonString() ?? "nothing";
}
