// Specs nested in a struct, a record, a record struct, a readonly struct, a ref struct, an
// interface and a static class, and two levels deep.
using ImageDsl;

namespace Corpus.NestingKinds;

public enum Yes { No, Yes }

public partial struct InStruct
{
    [ImageModel(Width = 16, Height = 16)] public partial class Spec1 { [Labels] public Yes Answer { get; init; } }
}

public partial record InRecord(int Unused)
{
    [ImageModel(Width = 16, Height = 16)] public partial class Spec2 { [Labels] public Yes Answer { get; init; } }
}

public partial record struct InRecordStruct(int Unused)
{
    [ImageModel(Width = 16, Height = 16)] public partial class Spec3 { [Labels] public Yes Answer { get; init; } }
}

public readonly partial struct InReadonlyStruct
{
    [ImageModel(Width = 16, Height = 16)] public partial class Spec4 { [Labels] public Yes Answer { get; init; } }
}

public ref partial struct InRefStruct
{
    [ImageModel(Width = 16, Height = 16)] public partial class Spec5 { [Labels] public Yes Answer { get; init; } }
}

public partial interface IInInterface
{
    [ImageModel(Width = 16, Height = 16)] public partial class Spec6 { [Labels] public Yes Answer { get; init; } }
}

public static partial class InStatic
{
    internal sealed partial class Middle
    {
        [ImageModel(Width = 16, Height = 16)] public sealed partial record Spec7 { [Labels] public Yes Answer { get; init; } }
    }
}
