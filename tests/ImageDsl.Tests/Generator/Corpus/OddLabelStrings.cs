// String and bool labels with quotes, backslashes, braces, XML markup, unicode, spaces,
// tabs and a comment terminator; odd columns and units.
using ImageDsl;

namespace Corpus.OddLabelStrings;

[ImageModel(Width = 16, Height = 16)]
public partial class Odd
{
    [Labels("say \"hi\"", @"C:\temp\", "{braces}", "<b>&amp;</b>", "naïve café", "日本語", "tab\there", "*/ end", "emoji 🙂")]
    public string Text { get; init; } = "";

    [Labels("no way", "yes \"way\"", Column = "is it?")]
    public bool Answer { get; init; }

    [Range(0, 1, Unit = "\"quoted\" \\ unit */ <x>", Column = "weird \\ column\r\nline")]
    public float Level { get; init; }
}
