// A C# 13 partial property as a target, the attribute on the declaring part.
using ImageDsl;

namespace Corpus.PartialProperty;

public enum Level { Low, Mid, High }

[ImageModel(Width = 16, Height = 16)]
public partial class Gauge
{
    [Labels] public partial Level Level { get; init; }
}
