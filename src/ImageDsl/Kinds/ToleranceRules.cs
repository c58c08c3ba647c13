// This one file is compiled into two assemblies: the runtime (ImageDsl, where the range, periodic,
// value and vector specs check their Tolerance with it) and the generator (ImageDsl.Generators,
// netstandard2.0, where rule IMGDSL0045 reports the same problem at the attribute's argument).
// So the compiler and the runtime refuse exactly the same tolerances. Keep it to what
// netstandard2.0 has and free of runtime types.
#if IMAGEDSL_GENERATOR
namespace ImageDsl.Generators.Shared;
#else
namespace ImageDsl.Specs;
#endif

/// <summary>
/// What a target's <c>Tolerance</c> may be: an error the user accepts, in the target's units,
/// that evaluation counts predictions against (|error| ≤ tolerance). It must be a positive
/// finite number, and smaller than the largest error the target can make, since a tolerance at
/// least that wide counts every prediction as within it and so says nothing.
/// </summary>
internal static class ToleranceRules
{
    /// <summary>
    /// Why <paramref name="tolerance"/> cannot be a tolerance, or null when it can.
    /// </summary>
    /// <param name="tolerance">The declared tolerance.</param>
    /// <param name="largestError">
    /// The largest error the target can make (a bounded range's width, half a periodic target's
    /// period), or null when errors are unbounded.
    /// </param>
    /// <param name="largestWhy">Why that is the largest error, for the message ("a prediction is clamped into [0, 90]").</param>
    public static string? Problem(double tolerance, double? largestError, string largestWhy)
    {
        if (double.IsNaN(tolerance) || double.IsInfinity(tolerance) || tolerance <= 0)
            return "it must be a positive finite number in the target's units (leave Tolerance out for none)";
        if (largestError is { } largest && tolerance >= largest)
            return $"no error can exceed {Show(largest)} ({largestWhy}), so every prediction would count as within it; use a smaller tolerance";
        return null;
    }

    /// <summary>True when <paramref name="error"/> is within <paramref name="tolerance"/>: |error| ≤ tolerance, the bound counting as within.</summary>
    public static bool Within(double error, double tolerance) => System.Math.Abs(error) <= tolerance;

#if !IMAGEDSL_GENERATOR
    /// <summary>
    /// <paramref name="tolerance"/>, after checking it with <see cref="Problem"/>: a spec built in
    /// code (or read from a model file) is held to the rules the analyzer holds an attribute to.
    /// </summary>
    /// <exception cref="System.ArgumentException">The tolerance is not positive and finite, or not below the largest error.</exception>
    public static double? Checked(string target, double? tolerance, double? largestError, string largestWhy)
    {
        if (tolerance is { } t && Problem(t, largestError, largestWhy) is { } problem)
            throw new System.ArgumentException($"{target}: Tolerance = {Show(t)} is not valid: {problem}.", "tolerance");
        return tolerance;
    }

#endif
    private static string Show(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
