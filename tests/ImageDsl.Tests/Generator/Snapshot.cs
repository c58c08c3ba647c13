using System.Runtime.CompilerServices;
using System.Text;

namespace ImageDsl.Tests.Generator;

/// <summary>
/// Compares generated text with a checked-in baseline, <c>Snapshots/{name}.g.cs.txt</c> (a .txt
/// so the test project does not compile it). Set <c>IMAGEDSL_UPDATE_SNAPSHOTS=1</c> to write
/// the baselines instead; then review the change with <c>git diff</c>.
/// </summary>
internal static class Snapshot
{
    private const string UpdateVariable = "IMAGEDSL_UPDATE_SNAPSHOTS";

    public static void Match(string name, string actual, [CallerFilePath] string callerPath = "")
    {
        var path = Path.Combine(SnapshotDirectory(callerPath), name + ".g.cs.txt");
        actual = Normalize(actual);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }
        if (!File.Exists(path))
            Assert.Fail($"No baseline {path}. Run the tests with {UpdateVariable}=1 to create it.\n\nGenerated:\n{actual}");
        var expected = Normalize(File.ReadAllText(path));
        if (expected != actual)
            Assert.Fail($"Generated code differs from {path} (- baseline, + generated). Run with {UpdateVariable}=1 to accept.\n{Diff(expected, actual)}");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');

    /// <summary>The Snapshots folder beside this file; if the build mapped source paths away, found from the output folder up.</summary>
    private static string SnapshotDirectory(string callerPath)
    {
        var beside = Path.Combine(Path.GetDirectoryName(callerPath) ?? "", "Snapshots");
        if (Directory.Exists(Path.GetDirectoryName(beside))) return beside;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "ImageDsl.Tests", "Generator", "Snapshots");
            if (Directory.Exists(candidate)) return candidate;
        }
        return beside;
    }

    /// <summary>A unified-style line diff (longest common subsequence) with three lines of context.</summary>
    internal static string Diff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (int i = a.Length - 1; i >= 0; i--)
            for (int j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);

        var lines = new List<(char Kind, int Line, string Text)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y]) { lines.Add((' ', y + 1, a[x])); x++; y++; }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1])) { lines.Add(('-', x + 1, a[x])); x++; }
            else { lines.Add(('+', y + 1, b[y])); y++; }
        }

        var text = new StringBuilder();
        int shown = 0, lastPrinted = -1;
        for (int k = 0; k < lines.Count && shown < 80; k++)
        {
            bool near = false;
            for (int d = -3; d <= 3 && !near; d++)
                near = k + d >= 0 && k + d < lines.Count && lines[k + d].Kind != ' ';
            if (!near) continue;
            if (lastPrinted >= 0 && k > lastPrinted + 1) text.AppendLine("...");
            text.AppendLine($"{lines[k].Kind} {lines[k].Line,4}: {lines[k].Text}");
            lastPrinted = k;
            shown++;
        }
        return text.ToString();
    }
}
