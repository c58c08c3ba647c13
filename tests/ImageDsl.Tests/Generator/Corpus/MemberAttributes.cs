// Attributes of other libraries on targets, enums, enum members and the spec.
using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.Serialization;
using System.Text.Json.Serialization;
using ImageDsl;

namespace Corpus.MemberAttributes;

[DataContract]
[JsonConverter(typeof(JsonStringEnumConverter<Quality>))]
public enum Quality
{
    [EnumMember(Value = "bad")] [Description("Bad")] Bad,
    [EnumMember(Value = "good")] [Description("Good")] Good,
}

[AttributeUsage(AttributeTargets.All)]
public sealed class NoteAttribute(string text) : Attribute
{
    public string Text { get; } = text;
}

[Serializable]
[Note("a spec")]
[Description("Grades prints.")]
[ImageModel(Width = 16, Height = 16)]
[DebuggerDisplayAttributeAlias]
public partial class Grader
{
    [Note("target"), Description("The quality."), JsonPropertyName("q")]
    [Labels(LossWeight = 2)]
    public Quality Quality { get; init; }

    [JsonIgnore, Browsable(false), EditorBrowsable(EditorBrowsableState.Never)]
    [Range(0, 10, Unit = "mm")]
    [property: Note("twice")]
    public float Blur { get; init; }

    [field: NonSerialized]
    [Labels] public bool Signed { get; init; }

    [SuppressMessage("Style", "IDE0001")]
    [Value] public double Score { get; init; }
}

[AttributeUsage(AttributeTargets.Class)]
public sealed class DebuggerDisplayAttributeAliasAttribute : Attribute { }
