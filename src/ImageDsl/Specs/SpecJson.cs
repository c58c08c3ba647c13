using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ImageDsl.Specs;

/// <summary>
/// The spec's JSON, as <see cref="Modeling.ModelFile.Json"/> writes it, read and written through
/// serialization code generated at build time instead of reflection. The ONNX predictor reads the
/// spec in an exported model's metadata and compares it with the declared one through this, so an
/// app that only predicts from ONNX publishes trimmed or NativeAOT without ImageDsl's trim or AOT
/// warnings (docs/packaging.md); reflection over these types would find their constructors
/// trimmed away. A test checks it writes and reads exactly what <c>ModelFile.Json</c> does.
/// </summary>
internal static class SpecJson
{
    /// <summary>The settings: <see cref="SpecJsonContext"/>'s generated metadata, with each target type stored under its kind id.</summary>
    public static readonly JsonSerializerOptions Options = new(SpecJsonContext.Default.Options)
    {
        TypeInfoResolver = SpecJsonContext.Default.WithAddedModifier(StoredTargets.AddKinds),
    };

    /// <summary>The spec stored as <paramref name="json"/>.</summary>
    public static ModelSpec? Read(string json) => JsonSerializer.Deserialize(json, (JsonTypeInfo<ModelSpec>)Options.GetTypeInfo(typeof(ModelSpec)));

    /// <summary>The spec as a JSON tree, for comparing field by field.</summary>
    public static System.Text.Json.Nodes.JsonNode? ToNode(ModelSpec spec) =>
        JsonSerializer.SerializeToNode(spec, (JsonTypeInfo<ModelSpec>)Options.GetTypeInfo(typeof(ModelSpec)));
}

/// <summary>
/// Generated serialization metadata for the spec and every concrete target type
/// (<see cref="StoredTargets.All"/>; a test fails naming a target type missing here). The
/// settings are <see cref="Modeling.ModelFile.Json"/>'s.
/// </summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(ModelSpec))]
[JsonSerializable(typeof(BinaryTargetSpec))]
[JsonSerializable(typeof(LabelTargetSpec))]
[JsonSerializable(typeof(MapTargetSpec))]
[JsonSerializable(typeof(MaskTargetSpec))]
[JsonSerializable(typeof(MultiLabelTargetSpec))]
[JsonSerializable(typeof(OrdinalTargetSpec))]
[JsonSerializable(typeof(PeriodicTargetSpec))]
[JsonSerializable(typeof(RangeTargetSpec))]
[JsonSerializable(typeof(ValueTargetSpec))]
[JsonSerializable(typeof(VectorTargetSpec))]
internal sealed partial class SpecJsonContext : JsonSerializerContext;
