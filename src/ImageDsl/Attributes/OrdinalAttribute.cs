namespace ImageDsl;

/// <summary>
/// Marks a property as an ordinal target: one of K ordered ranks (age bands, damage severity,
/// grades), where predicting a neighbouring rank is a smaller mistake than a distant one.
/// <list type="bullet">
/// <item><description>an <c>enum</c> property, <c>[Ordinal] Severity Damage</c>: the members, in declaration order, are the ranks from lowest to highest;</description></item>
/// <item><description>an <c>int</c> property, <c>[Ordinal(1, 5)] int Tone</c>: the ranks are the whole numbers from the first to the last.</description></item>
/// </list>
/// The head is rank-consistent (CORAL: K − 1 cumulative logits sharing one weight vector, with
/// K − 1 biases; Cao, Mirjalili &amp; Raschka 2020), trained with binary cross-entropy over the rank
/// thresholds. Predictions carry the rank, each rank's probability and the expected rank.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class OrdinalAttribute : TargetAttribute
{
    /// <summary>Ranks from an enum's members, in declaration order.</summary>
    public OrdinalAttribute()
    {
    }

    /// <summary>Ranks <paramref name="first"/>, <paramref name="first"/> + 1, …, <paramref name="last"/> of an <c>int</c> property.</summary>
    /// <param name="first">The lowest rank.</param>
    /// <param name="last">The highest rank; above <paramref name="first"/>.</param>
    public OrdinalAttribute(int first, int last)
    {
        First = first;
        Last = last;
    }

    /// <summary>The lowest rank of an <c>int</c> target (0 for an enum target, which has none).</summary>
    public int First { get; }

    /// <summary>The highest rank of an <c>int</c> target (0 for an enum target).</summary>
    public int Last { get; }
}
