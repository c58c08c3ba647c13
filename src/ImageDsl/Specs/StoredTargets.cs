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
/// The file format's table of target types, and the JSON setting that reads and writes them by
/// their ids. Each kind gives its id in its own file (<see cref="IStoredTarget"/>); the list below
/// names the types without reflection, so a trimmed or NativeAOT app keeps them, and a test
/// fails naming any concrete <see cref="TargetSpec"/> type missing from it or from
/// <see cref="SpecJsonContext"/>.
/// </summary>
internal static class StoredTargets
{
    /// <summary>Every concrete target type with the id model files store it under, in the order of their full names.</summary>
    public static readonly IReadOnlyList<(Type Type, string Id)> All = Checked(
    [
        Stored<BinaryTargetSpec>(),
        Stored<LabelTargetSpec>(),
        Stored<MapTargetSpec>(),
        Stored<MaskTargetSpec>(),
        Stored<MultiLabelTargetSpec>(),
        Stored<OrdinalTargetSpec>(),
        Stored<PeriodicTargetSpec>(),
        Stored<RangeTargetSpec>(),
        Stored<ValueTargetSpec>(),
        Stored<VectorTargetSpec>(),
    ]);

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

    private static (Type, string) Stored<T>() where T : TargetSpec, IStoredTarget => (typeof(T), T.StoredKind.Id);

    private static (Type, string)[] Checked((Type Type, string Id)[] found)
    {
        var duplicate = found.GroupBy(f => f.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Model files would store {string.Join(" and ", duplicate.Select(f => f.Type.Name))} under the same kind '{duplicate.Key}'.");
        return found;
    }
}
