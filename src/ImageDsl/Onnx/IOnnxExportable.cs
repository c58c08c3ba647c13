namespace ImageDsl.Onnx;

/// <summary>
/// A module that writes itself as ONNX nodes, so its mapping lives with it (a kind's own head,
/// say) rather than in the registry; a mapping registered with <see cref="OnnxModules.Register{TModule}"/>
/// still takes precedence.
/// </summary>
public interface IOnnxExportable
{
    /// <summary>Adds this module's nodes and weights to <paramref name="graph"/>; returns the value holding its output.</summary>
    /// <param name="graph">The graph being built; child modules are emitted with <see cref="OnnxGraphBuilder.Emit"/>.</param>
    /// <param name="input">The value this module's forward receives.</param>
    string ExportOnnx(OnnxGraphBuilder graph, string input);
}
