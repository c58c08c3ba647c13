using System.Buffers.Binary;
using Google.Protobuf;
using ImageDsl.Onnx.Protobuf;
using static TorchSharp.torch;

namespace ImageDsl.Onnx;

/// <summary>
/// Builds one ONNX graph while the exporter walks the network. Module mappings (see
/// <see cref="OnnxModules"/>) add nodes and weights through it and say each value's shape, so
/// that later mappings (an adaptive pooling, a flatten) know the sizes they work on. Value and
/// node names follow the module tree (<c>backbone/block1/conv</c>) so a graph viewer shows
/// where each node came from.
/// </summary>
public sealed class OnnxGraphBuilder
{
    /// <summary>The shape entry that stands for the batch dimension.</summary>
    public const long BatchDimension = -1;

    private readonly GraphProto graph = new();
    private readonly Dictionary<string, long[]?> shapes = new(StringComparer.Ordinal);
    private readonly HashSet<string> names = new(StringComparer.Ordinal);
    private readonly List<string> scopes = [];

    internal OnnxGraphBuilder(string name) => graph.Name = name;

    /// <summary>The shape of <paramref name="value"/>, with <see cref="BatchDimension"/> for the batch; null if no mapping said.</summary>
    /// <param name="value">A value name returned by this builder.</param>
    public long[]? ShapeOf(string value) => shapes.GetValueOrDefault(value);

    /// <summary>The shape of <paramref name="value"/>, or an exception naming <paramref name="needer"/>, which cannot work without it.</summary>
    /// <param name="value">A value name returned by this builder.</param>
    /// <param name="needer">What needs the shape, for the message.</param>
    public long[] RequireShape(string value, string needer) =>
        ShapeOf(value) ?? throw new NotSupportedException($"ONNX export: {needer} at {Scope} needs the shape of its input {value}, which the mapping that produced it did not give.");

    /// <summary>Adds a node with one output and returns the output's name.</summary>
    /// <param name="opType">The ONNX operator, e.g. <c>Conv</c>.</param>
    /// <param name="inputs">Input value names, in the operator's order.</param>
    /// <param name="outputShape">The output's shape (<see cref="BatchDimension"/> for the batch), or null if unknown.</param>
    /// <param name="attributes">The node's attributes.</param>
    public string Node(string opType, IEnumerable<string> inputs, long[]? outputShape, params OnnxAttribute[] attributes)
    {
        var output = UniqueName(opType.ToLowerInvariant());
        var node = new NodeProto { OpType = opType, Name = output };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        foreach (var attribute in attributes) node.Attribute.Add(attribute.Proto.Clone());
        graph.Node.Add(node);
        shapes[output] = outputShape;
        return output;
    }

    /// <summary>Adds a float32 constant (an initializer) and returns its name.</summary>
    /// <param name="name">A name for it, unique within the current module.</param>
    /// <param name="values">The values, row-major.</param>
    /// <param name="dims">Its shape; none for a scalar.</param>
    public string Constant(string name, ReadOnlySpan<float> values, params long[] dims)
    {
        var bytes = new byte[values.Length * sizeof(float)];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), values[i]);
        return AddInitializer(name, TensorProto.Types.DataType.Float, bytes, dims);
    }

    /// <summary>
    /// Adds a float64 constant (an initializer) and returns its name. Post-processing in user units
    /// runs in float64, as <c>Predict</c>'s does in .NET, so that it adds no rounding of its own.
    /// </summary>
    /// <param name="name">A name for it, unique within the current module.</param>
    /// <param name="values">The values, row-major.</param>
    /// <param name="dims">Its shape; none for a scalar.</param>
    public string Constant(string name, ReadOnlySpan<double> values, params long[] dims)
    {
        var bytes = new byte[values.Length * sizeof(double)];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * sizeof(double)), values[i]);
        return AddInitializer(name, TensorProto.Types.DataType.Double, bytes, dims);
    }

    /// <summary>Adds a <c>Cast</c> of <paramref name="value"/> to float64 and returns its output.</summary>
    /// <param name="value">A float32 value.</param>
    public string ToDouble(string value) =>
        Node("Cast", [value], ShapeOf(value), OnnxAttribute.Int("to", (long)TensorProto.Types.DataType.Double));

    /// <summary>Adds a <c>Cast</c> of <paramref name="value"/> to float32 (rounding to nearest) and returns its output.</summary>
    /// <param name="value">A float64 value.</param>
    public string ToFloat(string value) =>
        Node("Cast", [value], ShapeOf(value), OnnxAttribute.Int("to", (long)TensorProto.Types.DataType.Float));

    /// <summary>Adds an int64 constant (an initializer), such as a shape for <c>Reshape</c>, and returns its name.</summary>
    /// <param name="name">A name for it, unique within the current module.</param>
    /// <param name="values">The values, row-major.</param>
    /// <param name="dims">Its shape; none for a scalar.</param>
    public string Constant(string name, ReadOnlySpan<long> values, params long[] dims)
    {
        var bytes = new byte[values.Length * sizeof(long)];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(i * sizeof(long)), values[i]);
        return AddInitializer(name, TensorProto.Types.DataType.Int64, bytes, dims);
    }

    /// <summary>Copies a TorchSharp tensor (a weight or a buffer) into the graph as a float32 initializer.</summary>
    /// <param name="name">A name for it, unique within the current module, e.g. <c>weight</c>.</param>
    /// <param name="tensor">The tensor; any device and floating type.</param>
    public string Weights(string name, Tensor tensor)
    {
        using var scope = NewDisposeScope();
        var values = tensor.detach().cpu().to_type(ScalarType.Float32).contiguous().data<float>().ToArray();
        return Constant(name, values, tensor.shape);
    }

    /// <summary>
    /// Emits <paramref name="module"/> through its registered mapping, with its nodes named under
    /// <paramref name="name"/>, and returns the value holding its output.
    /// </summary>
    /// <param name="module">The module, in evaluation semantics: dropout is skipped, batch norm uses its running statistics.</param>
    /// <param name="input">The value the module's forward receives.</param>
    /// <param name="name">The module's name in its parent, e.g. <c>conv</c>.</param>
    public string Emit(nn.Module module, string input, string name)
    {
        scopes.Add(name);
        try
        {
            if (OnnxModules.Find(module.GetType()) is { } mapping) return mapping(this, module, input);
            if (module is IOnnxExportable exportable) return exportable.ExportOnnx(this, input);
            throw new NotSupportedException(
                $"ONNX export has no mapping for {module.GetType().FullName} (at {Scope}); register one with OnnxModules.Register.");
        }
        finally
        {
            scopes.RemoveAt(scopes.Count - 1);
        }
    }

    /// <summary>Names the nodes and constants added until the result is disposed under <paramref name="name"/> (<c>backbone/coordinates/concat</c>).</summary>
    /// <param name="name">The scope's name, one path segment or several.</param>
    public IDisposable Scoped(string name)
    {
        scopes.Add(name);
        return new ScopeExit(this, scopes.Count);
    }

    private sealed class ScopeExit(OnnxGraphBuilder graph, int depth) : IDisposable
    {
        public void Dispose()
        {
            if (graph.scopes.Count == depth) graph.scopes.RemoveAt(depth - 1);
        }
    }

    /// <summary>A module's direct children by name, for mappings of composite modules.</summary>
    /// <param name="module">The parent module.</param>
    public static IReadOnlyDictionary<string, nn.Module> Children(nn.Module module) =>
        module.named_children().ToDictionary(child => child.name, child => child.module, StringComparer.Ordinal);

    /// <summary>The current module path, for messages.</summary>
    public string Scope => scopes.Count == 0 ? "(graph)" : string.Join('/', scopes);

    internal void Input(string name, TensorProto.Types.DataType type, long[] shape, string doc)
    {
        graph.Input.Add(ValueInfo(name, type, shape, doc));
        shapes[name] = shape;
    }

    /// <summary>
    /// Publishes <paramref name="value"/> as graph output <paramref name="name"/>, which must have been
    /// reserved first (through an Identity node, so mappings need not know output names).
    /// </summary>
    internal void Output(string name, string value, string doc)
    {
        var shape = RequireShape(value, "graph output " + name);
        var node = new NodeProto { OpType = "Identity", Name = name + "/identity" };
        node.Input.Add(value);
        node.Output.Add(name);
        graph.Node.Add(node);
        graph.Output.Add(ValueInfo(name, TensorProto.Types.DataType.Float, shape, doc));
    }

    internal GraphProto Build() => graph;

    private static ValueInfoProto ValueInfo(string name, TensorProto.Types.DataType type, long[] shape, string doc)
    {
        var tensorShape = new TensorShapeProto();
        foreach (var dim in shape)
            tensorShape.Dim.Add(dim == BatchDimension ? new TensorShapeProto.Types.Dimension { DimParam = "batch" } : new TensorShapeProto.Types.Dimension { DimValue = dim });
        return new ValueInfoProto
        {
            Name = name,
            DocString = doc,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = tensorShape } },
        };
    }

    private string AddInitializer(string name, TensorProto.Types.DataType type, byte[] data, long[] dims)
    {
        var unique = UniqueName(name);
        var tensor = new TensorProto { Name = unique, DataType = (int)type, RawData = UnsafeByteOperations.UnsafeWrap(data) };
        tensor.Dims.AddRange(dims);
        graph.Initializer.Add(tensor);
        shapes[unique] = dims;
        return unique;
    }

    private string UniqueName(string hint)
    {
        var stem = scopes.Count == 0 ? hint : string.Join('/', scopes) + "/" + hint;
        var name = stem;
        for (int i = 2; !names.Add(name); i++) name = $"{stem}_{i}";
        return name;
    }

    /// <summary>Claims a graph input or output name before any node could take it.</summary>
    internal void Reserve(string name)
    {
        if (!names.Add(name)) throw new InvalidOperationException($"ONNX export: the name {name} is used twice.");
    }
}
