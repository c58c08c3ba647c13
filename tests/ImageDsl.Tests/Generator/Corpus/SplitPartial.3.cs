namespace Corpus.SplitPartial
{
    partial class Forest
    {
        partial class TreeSpotter
        {
            /// <summary>Not a target: a plain member in a third part.</summary>
            public override string ToString() => $"{Species} {Height}";
        }
    }
}
