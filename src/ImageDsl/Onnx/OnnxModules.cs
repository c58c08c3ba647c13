using System.Collections.Concurrent;
using static TorchSharp.torch;

namespace ImageDsl.Onnx;

/// <summary>
/// Writes one TorchSharp module as ONNX nodes: adds its nodes and weights to
/// <paramref name="graph"/> and returns the value holding the module's output.
/// </summary>
/// <typeparam name="TModule">The module type the mapping handles.</typeparam>
/// <param name="graph">The graph being built; also emits child modules (<see cref="OnnxGraphBuilder.Emit"/>).</param>
/// <param name="module">The module, with its trained weights.</param>
/// <param name="input">The value the module's forward receives.</param>
public delegate string OnnxModuleMapping<in TModule>(OnnxGraphBuilder graph, TModule module, string input) where TModule : nn.Module;

/// <summary>
/// The registry of module mappings the ONNX exporter walks the network with, keyed by module
/// type. TorchSharp has no ONNX exporter, but a network built from a spec only uses modules we
/// know; a new backbone or layer type becomes exportable by registering a mapping for it
/// (composite modules emit their children through <see cref="OnnxGraphBuilder.Emit"/>). Built in:
/// Sequential, Conv2d (grouped and depthwise too), BatchNorm2d, ReLU, Hardswish, Hardsigmoid, SiLU,
/// Sigmoid, MaxPool2d, AdaptiveAvgPool2d, Linear, Dropout, Flatten, stochastic depth, squeeze-excitation,
/// every backbone (SmallCnn, PlainCnn, ResNet-18/34/50 with their blocks, CoordCnn, MobileNetV3 with
/// InvertedResidual, EfficientNet with MBConv).
/// </summary>
public static class OnnxModules
{
    private static readonly ConcurrentDictionary<Type, OnnxModuleMapping<nn.Module>> Mappings = new();

    static OnnxModules()
    {
        OnnxLayers.RegisterAll();
        OnnxBackbones.RegisterAll();
    }

    /// <summary>Registers (or replaces) the mapping for <typeparamref name="TModule"/> and the types derived from it that have none of their own.</summary>
    /// <typeparam name="TModule">The module type.</typeparam>
    /// <param name="mapping">Writes one such module.</param>
    public static void Register<TModule>(OnnxModuleMapping<TModule> mapping) where TModule : nn.Module =>
        Mappings[typeof(TModule)] = (graph, module, input) => mapping(graph, (TModule)module, input);

    /// <summary>
    /// Registers the mapping for <paramref name="moduleType"/>, a type code cannot name (TorchSharp's
    /// ResNet-50 bottleneck is a private class), and the types derived from it that have none of their own.
    /// </summary>
    internal static void Register(Type moduleType, OnnxModuleMapping<nn.Module> mapping)
    {
        if (!typeof(nn.Module).IsAssignableFrom(moduleType)) throw new ArgumentException($"{moduleType} is not a TorchSharp module.", nameof(moduleType));
        Mappings[moduleType] = mapping;
    }

    /// <summary>True when modules of <paramref name="moduleType"/> can be exported.</summary>
    /// <param name="moduleType">A TorchSharp module type.</param>
    public static bool IsSupported(Type moduleType) => Find(moduleType) is not null;

    /// <summary>The mapping of the type itself, else of its nearest base type that has one.</summary>
    internal static OnnxModuleMapping<nn.Module>? Find(Type moduleType)
    {
        for (var type = moduleType; type is not null; type = type.BaseType)
            if (Mappings.TryGetValue(type, out var mapping)) return mapping;
        return null;
    }
}
