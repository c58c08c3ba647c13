using System.Linq;
using ImageDsl.Generators.Model;

namespace ImageDsl.Generators.Emitting;

internal static partial class SpecEmitter
{
    /// <summary>One entry of the spec's <c>Targets</c> array: the runtime <c>TargetSpec</c> of the target's kind, as the kind's model writes it.</summary>
    private static void WriteTargetSpec(SourceWriter w, TargetModel target)
    {
        var (first, second) = target.SpecExpression();
        var metrics = target.Metrics.Count == 0 ? "" : $" {{ Metrics = {string.Join(" | ", target.Metrics.Select(m => $"{TypeNames.Metric}.{Id(m)}"))} }}";
        w.WriteLine(first);
        w.WriteLine($"    {second}{metrics},");
    }
}
