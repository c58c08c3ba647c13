namespace ImageDsl.Generators;

/// <summary>What the generator stamps on the code it writes.</summary>
internal static class GeneratorInfo
{
    /// <summary>The tool name in <c>[GeneratedCode]</c>; the analyzer also uses it to recognise generated members.</summary>
    public const string ToolName = "ImageDsl.Generators";

    /// <summary>
    /// Major.minor.patch of this assembly. Not the informational version: that carries the
    /// commit hash, which would change every generated file (and snapshot) on every commit.
    /// </summary>
    public static string Version { get; } = typeof(GeneratorInfo).Assembly.GetName().Version?.ToString(3) ?? "1.0.0";
}
