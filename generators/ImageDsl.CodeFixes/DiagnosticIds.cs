namespace ImageDsl.CodeFixes;

/// <summary>The IDs this assembly fixes; see docs/diagnostics.md.</summary>
internal static class DiagnosticIds
{
    public const string NotPartial = "IMGDSL0001";
    public const string InvalidRange = "IMGDSL0003";
    public const string MissingVectorLength = "IMGDSL0024";
}
