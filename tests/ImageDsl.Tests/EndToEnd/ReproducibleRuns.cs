namespace ImageDsl.Tests.EndToEnd;

/// <summary>
/// Tests that compare two training runs number for number. Dropout and initialisation draw
/// from TorchSharp's process-wide generator, so a test training beside them would change what
/// they draw; this collection runs alone, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReproducibleRuns
{
    public const string Name = "Reproducible training runs";
}
