// Global using aliases for the attributes, a label enum and a number type, and a using static.
global using CorpusLabelsAlias = ImageDsl.LabelsAttribute;
global using CorpusRealAlias = System.Single;
global using CorpusColourAlias = Corpus.GlobalUsings.Colour;

namespace Corpus.GlobalUsings;

public enum Colour { Cyan, Magenta, Yellow, Key }

[ImageDsl.ImageModel(Width = 16, Height = 16)]
public partial class Printer
{
    [CorpusLabelsAlias] public CorpusColourAlias Ink { get; init; }

    [ImageDsl.Range(0, 1)] public CorpusRealAlias Coverage { get; init; }
}
