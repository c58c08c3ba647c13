using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using ImageDsl.Metrics;

namespace ImageDsl.Tests.Metrics;

/// <summary>
/// Compares every expected value of a fixture case with a computed result, walking the
/// expected JSON so that no key can be skipped: a key must name a property of the result
/// (snake_case → PascalCase, or an alias below), arrays must match in length, and an
/// expected <c>null</c> must be a <c>null</c> whose reason the result gives.
/// </summary>
internal static class FixtureComparer
{
    /// <summary>
    /// Absolute. The fixture's inputs were rounded to 6 decimals after scikit-learn ran, which
    /// moves a few regression values by up to about 3e-7; everything else agrees to 1e-7.
    /// </summary>
    public const double Tolerance = 1e-6;

    private static readonly Dictionary<string, string> Aliases = new()
    {
        ["roc_auc_ovr_macro"] = nameof(MulticlassMetrics.RocAucMacro),
        ["roc_auc_ovr_weighted"] = nameof(MulticlassMetrics.RocAucWeighted),
        ["matthews_corrcoef"] = nameof(BinaryMetrics.MatthewsCorrelation),
        ["r2_per_output"] = nameof(RegressionMetrics.PerOutputR2),
        ["mae_per_output"] = nameof(RegressionMetrics.PerOutputMae),
    };

    /// <summary>Every difference found, as "key: expected …, got …"; empty when all agree.</summary>
    public static List<string> Differences(JsonElement expected, object result, IReadOnlyDictionary<string, string> undefinedReasons)
    {
        var differences = new List<string>();
        foreach (var entry in expected.EnumerateObject())
        {
            if (Member(result, entry.Name) is not { } property)
            {
                differences.Add($"{entry.Name}: no property of {result.GetType().Name} is mapped to this key");
                continue;
            }

            var actual = property.GetValue(result);
            Compare(entry.Name, entry.Value, actual, differences);
            if (entry.Value.ValueKind == JsonValueKind.Null && actual is null && !undefinedReasons.ContainsKey(property.Name))
            {
                differences.Add($"{entry.Name}: null, but UndefinedReasons has no entry for {property.Name}");
            }
        }

        return differences;
    }

    private static void Compare(string path, JsonElement expected, object? actual, List<string> differences)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Null:
                if (actual is not null)
                {
                    differences.Add($"{path}: expected null (undefined), got {Show(actual)}");
                }

                break;
            case JsonValueKind.Number:
                var want = expected.GetDouble();
                if (actual is null || !IsNumber(actual))
                {
                    differences.Add($"{path}: expected {want.ToString("R", CultureInfo.InvariantCulture)}, got {Show(actual)}");
                }
                else if (Math.Abs(Convert.ToDouble(actual, CultureInfo.InvariantCulture) - want) > Tolerance)
                {
                    differences.Add($"{path}: expected {want.ToString("R", CultureInfo.InvariantCulture)}, got {Show(actual)}");
                }

                break;
            case JsonValueKind.Array:
                var items = Items(actual);
                if (items is null || items.Count != expected.GetArrayLength())
                {
                    differences.Add($"{path}: expected {expected.GetArrayLength()} items, got {(items is null ? Show(actual) : items.Count.ToString(CultureInfo.InvariantCulture))}");
                    break;
                }

                var index = 0;
                foreach (var element in expected.EnumerateArray())
                {
                    Compare($"{path}[{index}]", element, items[index], differences);
                    index++;
                }

                break;
            case JsonValueKind.Object:
                foreach (var entry in expected.EnumerateObject())
                {
                    var property = actual is null ? null : Member(actual, entry.Name);
                    if (property is null)
                    {
                        differences.Add($"{path}.{entry.Name}: no property of {actual?.GetType().Name ?? "null"} is mapped to this key");
                        continue;
                    }

                    Compare($"{path}.{entry.Name}", entry.Value, property.GetValue(actual), differences);
                }

                break;
            default:
                differences.Add($"{path}: the comparer does not handle JSON {expected.ValueKind}");
                break;
        }
    }

    private static PropertyInfo? Member(object owner, string key)
    {
        var name = Aliases.TryGetValue(key, out var alias)
            ? alias
            : string.Concat(key.Split('_').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
        return owner.GetType().GetProperty(name);
    }

    private static List<object?>? Items(object? actual) => actual switch
    {
        ConfusionMatrix matrix => matrix.ToArray().Cast<object?>().ToList(),
        string => null,
        IEnumerable sequence => sequence.Cast<object?>().ToList(),
        _ => null,
    };

    private static bool IsNumber(object value) => value is double or float or long or int;

    private static string Show(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "?",
    };
}
