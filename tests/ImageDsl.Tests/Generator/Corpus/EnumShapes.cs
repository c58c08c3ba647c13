// Label enums of every underlying type with negative, sparse, hexadecimal and extreme values;
// [Flags] enums of byte and ulong for multi-label; BCL enums as targets.
using System;
using System.Collections.Generic;
using ImageDsl;

namespace Corpus.EnumShapes;

public enum Tiny : sbyte { Min = sbyte.MinValue, Zero = 0, Max = sbyte.MaxValue }

public enum Wide : long { Low = long.MinValue, High = long.MaxValue }

public enum Unsigned : ulong { None = 0, Top = ulong.MaxValue }

public enum Sparse : short { A = -300, B = 7, C = 0x7F00 }

[Flags]
public enum Bits : byte { One = 1, Two = 2, Eight = 0x80 }

[Flags]
public enum BigBits : ulong { Low = 1, High = 0x8000000000000000 }

[ImageModel(Width = 16, Height = 16)]
public partial class Enums
{
    [Labels] public Tiny Tiny { get; init; }

    [Labels] public Wide Wide { get; init; }

    [Labels] public Unsigned Unsigned { get; init; }

    [Labels] public Sparse Sparse { get; init; }

    [Labels] public Bits Bits { get; init; }

    [Labels] public BigBits BigBits { get; init; }

    [Labels] public DayOfWeek Day { get; init; }

    [Labels] public HashSet<DayOfWeek> Workdays { get; init; } = [];

    [Labels] public IEnumerable<ConsoleColor> Colors { get; init; } = [];
}
