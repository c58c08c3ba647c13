// Targets declared in base classes (one generic), an override that keeps its base's target,
// and a derived target: all are the spec's targets, base classes first.
using ImageDsl;

namespace Corpus.BaseClassTargets;

public enum Shape { Round, Square }

public enum Finish { Matte, Gloss }

public abstract class Labelled<TLabel> where TLabel : struct, System.Enum
{
    [Labels] public TLabel Label { get; init; }
}

public class Measured : Labelled<Shape>
{
    [Range(0, 100, Unit = "mm")] public virtual double Size { get; init; }

    [Labels] protected internal bool Damaged { get; set; }
}

[ImageModel(Width = 32, Height = 32)]
public partial class PartReader : Measured
{
    public override double Size { get; init; }

    [Labels] public Finish Finish { get; init; }
}
