using System.Reflection;
using System.Text.Json.Serialization.Metadata;

namespace ImageDsl.Specs;

/// <summary>
/// What a concrete target type is stored as in model files: <c>"kind": "ordinal"</c>. Each kind
/// says it in its own file, so adding a kind registers nothing here.
/// </summary>
internal interface IStoredTarget
{
    /// <summary>The kind whose id names this type in model files.</summary>
    static abstract TargetKind StoredKind { get; }
}

/// <summary>
/// The file format's table of target types, found once among this assembly's concrete
/// <see cref="TargetSpec"/> types, and the JSON setting that reads and writes them by their ids.
/// </summary>
internal static class StoredTargets
{
    /// <summary>Every concrete target type with the id model files store it under.</summary>
    public static readonly IReadOnlyList<(Type Type, string Id)> All = Discover();

    /// <summary>A <see cref="DefaultJsonTypeInfoResolver"/> modifier: a <see cref="TargetSpec"/> is written with its kind id as <c>kind</c> and read back by it.</summary>
    public static void AddKinds(JsonTypeInfo info)
    {
        if (info.Type != typeof(TargetSpec)) return;
        var polymorphism = new JsonPolymorphismOptions
        {
            TypeDiscriminatorPropertyName = "kind",
            UnknownDerivedTypeHandling = System.Text.Json.Serialization.JsonUnknownDerivedTypeHandling.FailSerialization,
        };
        foreach (var (type, id) in All) polymorphism.DerivedTypes.Add(new JsonDerivedType(type, id));
        info.PolymorphismOptions = polymorphism;
    }

    private static (Type, string)[] Discover()
    {
        var idOf = typeof(StoredTargets).GetMethod(nameof(IdOf), BindingFlags.NonPublic | BindingFlags.Static)!;
        var found = typeof(TargetSpec).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(TargetSpec)) && !t.IsAbstract)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => typeof(IStoredTarget).IsAssignableFrom(t)
                ? (t, (string)idOf.MakeGenericMethod(t).Invoke(null, null)!)
                : throw new InvalidOperationException($"{t.Name} does not say what model files store it as ({nameof(IStoredTarget)})."))
            .ToArray();
        var duplicate = found.GroupBy(f => f.Item2).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Model files would store {string.Join(" and ", duplicate.Select(f => f.Item1.Name))} under the same kind '{duplicate.Key}'.");
        return found;
    }

    private static string IdOf<T>() where T : IStoredTarget => T.StoredKind.Id;
}
