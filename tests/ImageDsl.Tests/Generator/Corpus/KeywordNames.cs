// @keyword identifiers everywhere: namespace, containing type, spec, targets, enum and members.
using ImageDsl;

namespace Corpus.@namespace.@class;

public enum @enum { @default, @event, @object, @int }

public partial class @static
{
    [ImageModel(Width = 16, Height = 16)]
    public partial class @public
    {
        [Labels] public @enum @case { get; init; }

        [Range(0, 1)] public double @double { get; init; }

        [Labels] public bool @bool { get; init; }
    }
}
