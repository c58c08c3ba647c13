// A spec and its enum in the global namespace, next to a namespace with types named like the
// generated members and like runtime namespaces.
using ImageDsl;

#pragma warning disable CA1050 // test input: the global namespace on purpose
public enum CorpusGlobalColor { Red, Green }

[ImageModel(Width = 16, Height = 16)]
public partial class CorpusGlobalSpec
{
    [Labels] public CorpusGlobalColor Color { get; init; }
}
#pragma warning restore CA1050
