// Label enums nested in a generic type and a set over a constructed one, with internal type arguments.
using System.Collections.Generic;
using ImageDsl;

namespace Corpus.EnumInGenericType;

internal sealed class Marker { }

public static class Catalog<T>
{
    public enum Color { Red, Green, Blue }

    public enum Tag { Rusty, Bent, Scratched }
}

[ImageModel(Width = 16, Height = 16)]
public partial class Painter
{
    [Labels] public Catalog<int>.Color Color { get; init; }

    [Labels] internal IReadOnlySet<Catalog<Marker>.Tag> Tags { get; init; } = new HashSet<Catalog<Marker>.Tag>();
}
