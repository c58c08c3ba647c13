using System.Text.RegularExpressions;
using ImageDsl.Evaluation;
using ImageDsl.Specs;

namespace ImageDsl.Tests.Kinds;

/// <summary>
/// A kind's behaviour lives with the kind: outside its folder, no production code asks which kind
/// a target is (a type test, a cast or a switch case on a concrete kind type). Read from the
/// repository's sources, so a switch added anywhere fails here.
/// </summary>
public sealed class KindIsolationTests
{
    private static readonly string[] RuntimeKindTypes =
        typeof(TargetSpec).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && (t.IsSubclassOf(typeof(TargetSpec)) || t.IsSubclassOf(typeof(TargetEvaluation))))
            .Select(t => t.Name)
            .ToArray();

    private static readonly string[] GeneratorKindTypes =
        Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "generators", "ImageDsl.Generators", "Model", "Kinds"), "*.cs")
            .SelectMany(file => Regex.Matches(File.ReadAllText(file), @"\brecord\s+(\w+TargetModel)\b").Select(m => m.Groups[1].Value))
            .ToArray();

    [Fact]
    public void The_runtime_asks_no_target_its_kind_outside_the_kinds_folders()
    {
        Assert.True(RuntimeKindTypes.Length >= 14, string.Join(", ", RuntimeKindTypes));
        var root = Path.Combine(RepositoryPaths.Root, "src", "ImageDsl");
        var offenders = TypeTests(root, RuntimeKindTypes, file => !InFolder(root, file, "Kinds"));
        Assert.True(offenders.Count == 0, "type tests on kinds outside Kinds/: " + string.Join("; ", offenders));
    }

    [Fact]
    public void The_generator_asks_no_target_its_kind_outside_the_kinds_models_and_their_readers()
    {
        Assert.True(GeneratorKindTypes.Length >= 6, string.Join(", ", GeneratorKindTypes));
        var root = Path.Combine(RepositoryPaths.Root, "generators", "ImageDsl.Generators");
        // A kind's reader (Parsing/SpecParser.<Kind>.cs) builds its model; nothing else names it.
        var offenders = TypeTests(root, GeneratorKindTypes,
            file => !InFolder(root, file, Path.Combine("Model", "Kinds")) && !Path.GetFileName(file).StartsWith("SpecParser.", StringComparison.Ordinal));
        Assert.True(offenders.Count == 0, "type tests on kinds outside their models: " + string.Join("; ", offenders));
    }

    [Fact]
    public void The_check_finds_a_type_test_when_there_is_one()
    {
        // The pattern itself, on the kinds of code it is meant to catch.
        Assert.Matches(Pattern(["RangeTargetSpec"]), "if (spec.Targets[t] is RangeTargetSpec { MovesWithImage: true } range)");
        Assert.Matches(Pattern(["BinaryTargetSpec"]), "var b = ((BinaryTargetSpec)Spec.Targets[target]).DecisionThreshold;");
        Assert.Matches(Pattern(["LabelTargetModel"]), "    case LabelTargetModel labels:");
        Assert.Matches(Pattern(["VectorEvaluation"]), "        VectorEvaluation v => v.Metrics,");
        Assert.DoesNotMatch(Pattern(["RangeTargetSpec"]), "/// <see cref=\"RangeTargetSpec.FromUnit\"/>");
        Assert.DoesNotMatch(Pattern(["RangeTargetSpec"]), "public static void Save(RangeTargetSpec target, string path)");
    }

    private static Regex Pattern(IEnumerable<string> types)
    {
        var names = string.Join("|", types.Select(Regex.Escape));
        return new Regex($@"\bis\s+(not\s+)?({names})\b|\(\s*({names})\s*\)\s*[\w(]|\bcase\s+({names})\b|^\s*({names})\s+\w*\s*=>|\bas\s+({names})\b");
    }

    private static List<string> TypeTests(string root, IEnumerable<string> types, Func<string, bool> outsideTheKinds)
    {
        var pattern = Pattern(types);
        var offenders = new List<string>();
        foreach (var file in Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            if (InFolder(root, file, "obj") || InFolder(root, file, "bin") || !outsideTheKinds(file)) continue;
            var lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                if (lines[i].TrimStart().StartsWith("//", StringComparison.Ordinal)) continue;
                if (pattern.IsMatch(lines[i])) offenders.Add($"{Path.GetRelativePath(root, file)}:{i + 1}: {lines[i].Trim()}");
            }
        }
        return offenders;
    }

    private static bool InFolder(string root, string file, string folder) =>
        Path.GetRelativePath(root, file).StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
