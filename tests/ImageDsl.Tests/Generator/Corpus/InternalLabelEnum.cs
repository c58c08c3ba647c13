// A public spec whose label enum is internal: the property must be internal too, so the
// generated prediction, model and binding are internal.
using ImageDsl;

namespace Corpus.InternalLabelEnum;

internal enum Mood { Calm, Angry, Sleepy }

[ImageModel(Width = 32, Height = 32)]
public partial class MoodReader
{
    [Labels] internal Mood Mood { get; init; }

    [Range(0, 1)] public float Confidence { get; init; }
}
