using ImageDsl;

namespace Corpus.CaseOnlyNames.OCR
{
    [ImageModel(Width = 28, Height = 28, Channels = 1)]
    public partial class ChequeDigitReader
    {
        [Labels] public Corpus.CaseOnlyNames.Ocr.Digit Digit { get; init; }
    }

    [ImageModel(Width = 28, Height = 28, Channels = 1)]
    public partial class CHEQUEDIGITREADER
    {
        [Labels] public Corpus.CaseOnlyNames.Ocr.Digit Digit { get; init; }
    }
}
