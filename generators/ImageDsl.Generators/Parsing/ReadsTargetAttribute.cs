namespace ImageDsl.Generators.Parsing;

/// <summary>
/// Marks the <see cref="SpecParser"/> method that reads one target attribute (of the runtime's
/// <c>ImageDsl</c> namespace, by class name) into its kind's model. The parser finds the readers
/// by this mark, so adding a kind adds its reader and registers it nowhere else.
/// </summary>
[System.AttributeUsage(System.AttributeTargets.Method)]
internal sealed class ReadsTargetAttribute(string attributeName) : System.Attribute
{
    /// <summary>The attribute's class name, such as <c>LabelsAttribute</c>.</summary>
    public string AttributeName { get; } = attributeName;
}
