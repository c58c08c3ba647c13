namespace Corpus.PartialProperty;

public partial class Gauge
{
    private readonly Level level;

    public partial Level Level { get => level; init => level = value; }
}
