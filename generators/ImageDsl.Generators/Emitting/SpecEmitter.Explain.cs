using System.Linq;
using ImageDsl.Generators.Model;

namespace ImageDsl.Generators.Emitting;

internal static partial class SpecEmitter
{
    /// <summary>
    /// <c>ExplainTargets</c>: the numbers <c>Model.Explain</c> can draw a heatmap of, typed per
    /// target, so an IDE lists them (<c>ExplainTargets.Species(Species.Cat)</c>, <c>ExplainTargets.Box.Left</c>).
    /// Absent when no target has one (only dense targets).
    /// </summary>
    private static void WriteExplainTargets(SourceWriter w, SpecModel spec)
    {
        var body = new SourceWriter();
        bool first = true;
        foreach (var target in spec.Targets)
        {
            // A member named like its class is not allowed (CS0542): such a target is explained through ExplainTarget.Value.
            if (target.Name == GeneratedNames.ExplainTargets) continue;
            var one = new SourceWriter();
            target.WriteExplainTargets(one);
            var text = one.ToString();
            if (text.Length == 0) continue;
            if (!first) body.WriteLine();
            first = false;
            body.WriteLines(text.TrimEnd());
        }
        if (first) return;
        w.WriteLine();
        w.WriteLine($"/// <summary>What <c>Model.Explain</c> can draw a Grad-CAM heatmap of: one number of a target's head (see docs/explanations.md).</summary>");
        w.WriteLine(GeneratedCode);
        w.WriteLine($"public static class {GeneratedNames.ExplainTargets}");
        w.OpenBlock();
        w.WriteLines(body.ToString().TrimEnd());
        w.CloseBlock();
    }
}
