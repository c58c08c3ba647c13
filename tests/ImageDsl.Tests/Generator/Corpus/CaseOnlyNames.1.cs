// Two specs whose full names differ only in case (hint names are compared ignoring case).
using ImageDsl;

namespace Corpus.CaseOnlyNames.Ocr
{
    public enum Digit { Zero, One, Two }

    [ImageModel(Width = 28, Height = 28, Channels = 1)]
    public partial class ChequeDigitReader
    {
        [Labels] public Digit Digit { get; init; }
    }
}
