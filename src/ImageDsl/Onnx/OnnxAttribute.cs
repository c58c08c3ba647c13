using Google.Protobuf;
using ImageDsl.Onnx.Protobuf;

namespace ImageDsl.Onnx;

/// <summary>A named attribute of an ONNX node, such as a convolution's <c>kernel_shape</c>.</summary>
public sealed class OnnxAttribute
{
    private OnnxAttribute(AttributeProto proto) => Proto = proto;

    internal AttributeProto Proto { get; }

    /// <summary>The attribute's name.</summary>
    public string Name => Proto.Name;

    /// <summary>An integer attribute.</summary>
    /// <param name="name">The attribute's name in the operator's definition.</param>
    /// <param name="value">Its value.</param>
    public static OnnxAttribute Int(string name, long value) =>
        new(new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value });

    /// <summary>A list-of-integers attribute.</summary>
    /// <param name="name">The attribute's name in the operator's definition.</param>
    /// <param name="values">Its values.</param>
    public static OnnxAttribute Ints(string name, params long[] values)
    {
        var proto = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        proto.Ints.AddRange(values);
        return new OnnxAttribute(proto);
    }

    /// <summary>A float attribute.</summary>
    /// <param name="name">The attribute's name in the operator's definition.</param>
    /// <param name="value">Its value.</param>
    public static OnnxAttribute Float(string name, float value) =>
        new(new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value });

    /// <summary>A string attribute.</summary>
    /// <param name="name">The attribute's name in the operator's definition.</param>
    /// <param name="value">Its value, stored as UTF-8.</param>
    public static OnnxAttribute String(string name, string value) =>
        new(new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) });
}
