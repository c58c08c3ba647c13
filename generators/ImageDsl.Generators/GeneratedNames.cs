using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp;

namespace ImageDsl.Generators;

/// <summary>
/// The names the generated code declares. The parser checks them for conflicts and the emitter
/// writes them, so both read them from here.
/// </summary>
internal static class GeneratedNames
{
    public const string Spec = "Spec";
    public const string Model = "Model";
    public const string Network = "Network";
    public const string Prediction = "Prediction";
    public const string Evaluation = "Evaluation";
    public const string LoadDataset = "LoadDataset";
    public const string LoadCsv = "LoadCsv";
    public const string Binding = "Binding";
    public const string OnnxPredictor = "OnnxPredictor";
    public const string Augmentation = "Augmentation";
    public const string ExplainTargets = "ExplainTargets";

    /// <summary>The types the generator declares in the spec class: a type written there with one of these names means the generated one.</summary>
    public static readonly IReadOnlyCollection<string> NestedTypes = new HashSet<string>
    {
        Model, Network, Prediction, Evaluation, Binding, OnnxPredictor, ExplainTargets,
    };

    /// <summary>Public list of a label target's labels, declared in the spec class.</summary>
    public static string Labels(string target) => target + "Labels";

    /// <summary>Private array behind <see cref="Labels"/>, declared in the spec class.</summary>
    public static string LabelArray(string target) => target + "LabelArray";

    /// <summary>A label target's second member of <c>Prediction</c>.</summary>
    public static string Probabilities(string target) => target + "Probabilities";

    /// <summary>A binary target's second member of <c>Prediction</c>.</summary>
    public static string Probability(string target) => target + "Probability";

    /// <summary>The members the generator declares directly in the spec class: the frame's and the targets' own (<paramref name="targetMembers"/>).</summary>
    public static IEnumerable<string> SpecClassMembers(IEnumerable<string> targetMembers)
    {
        yield return Spec;
        yield return Model;
        yield return Network;
        yield return Prediction;
        yield return Evaluation;
        yield return LoadDataset;
        yield return LoadCsv;
        yield return Binding;
        yield return OnnxPredictor;
        yield return Augmentation;
        yield return ExplainTargets;
        foreach (var name in targetMembers) yield return name;
    }

    /// <summary>Names a <c>Prediction</c> record already has, so no target may take them.</summary>
    public static readonly IReadOnlyCollection<string> PredictionReserved = new HashSet<string>
    {
        Prediction, "EqualityContract", "PrintMembers", "Deconstruct", "Equals", "GetHashCode", "ToString", "GetType",
        "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    /// <summary>Names an <c>Evaluation</c> class already has, so no target may take them.</summary>
    public static readonly IReadOnlyCollection<string> EvaluationReserved = new HashSet<string>
    {
        Evaluation, "Result", "ToMarkdown", "WriteJson", "WriteReport", "Equals", "GetHashCode", "ToString", "GetType",
        "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    // A private field named like an accessible inherited member hides it (CS0108, an error under
    // TreatWarningsAsErrors), and a field named like a parameter or local of forward is shadowed.
    // The lower-case members of TorchSharp's Module (0.107), plus our own names in Network.
    private static readonly HashSet<string> NetworkReserved = new()
    {
        "backbone", "images", "features",
        "apply", "buffers", "call", "children", "eval", "forward", "load", "modules", "name", "parameters",
        "save", "train", "training", "to", "cpu", "cuda", "half", "bfloat16", "float", "double",
    };

    /// <summary>
    /// The <c>Network</c> field of each target's head: the camelCase property name, or with
    /// <c>Head</c> appended when that is a keyword, a TorchSharp <c>Module</c> member,
    /// <c>backbone</c>, or already taken.
    /// </summary>
    public static IReadOnlyList<string> HeadFields(IReadOnlyList<string> targets)
    {
        var taken = new HashSet<string>(NetworkReserved);
        var fields = new string[targets.Count];
        for (int i = 0; i < targets.Count; i++)
        {
            var camel = targets[i].Length > 0 && char.IsUpper(targets[i][0])
                ? char.ToLowerInvariant(targets[i][0]) + targets[i].Substring(1)
                : targets[i];
            var preferred = SyntaxFacts.GetKeywordKind(camel) == SyntaxKind.None ? camel : camel + "Head";
            fields[i] = Unique(preferred, camel + "Head", taken);
        }
        return fields;
    }

    private static string Unique(string preferred, string alternative, HashSet<string> taken)
    {
        if (taken.Add(preferred)) return preferred;
        if (taken.Add(alternative)) return alternative;
        for (int n = 2; ; n++)
            if (taken.Add(alternative + n)) return alternative + n;
    }
}
