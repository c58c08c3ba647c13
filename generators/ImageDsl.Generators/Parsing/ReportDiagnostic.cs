using Microsoft.CodeAnalysis;

namespace ImageDsl.Generators.Parsing;

/// <summary>
/// Receives a problem the parser found. The analyzer turns it into a <see cref="Diagnostic"/>;
/// the generator passes none and only learns that the spec is invalid.
/// </summary>
internal delegate void ReportDiagnostic(DiagnosticDescriptor descriptor, Location location, params object[] messageArgs);
