// A spec in a file with nullable annotations off: class-typed vectors and sets without
// initializers, and a string label target with no default.
#nullable disable
using System.Collections.Generic;
using ImageDsl;

namespace Corpus.NullableDisabled;

public enum Part { Head, Tail }

public class Arrow
{
    public float Dx { get; set; }

    public float Dy { get; set; }
}

[ImageModel(Width = 16, Height = 16)]
public partial class Oblivious
{
    [Vector] public Arrow Arrow { get; init; }

    [Labels] public ISet<Part> Parts { get; init; }

    [Labels("up", "down")] public string Direction { get; init; }

    [Vector(Length = 2)] public double[] Pair { get; init; }
}
