// Unicode identifiers for the namespace, spec, targets, enum and members.
using ImageDsl;

namespace Corpus.Données.Größe;

public enum Äpfel { Grün, Rot, Gelb }

public enum 天気 { 晴れ, 雨, 雪 }

[ImageModel(Width = 16, Height = 16)]
public partial class Obstkörbchen
{
    [Labels] public Äpfel Sorte { get; init; }

    [Labels] public 天気 天気 { get; init; }

    [Range(0, 1)] public float Reife { get; init; }
}
