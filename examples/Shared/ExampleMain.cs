using ImageDsl.Data;

namespace ImageDsl.Examples;

/// <summary>What every dataset example does around its training: arguments, usage and clear errors instead of stack traces.</summary>
internal static class ExampleMain
{
    /// <summary>Parses <paramref name="args"/> and runs <paramref name="run"/>; returns the process exit code.</summary>
    public static int Run(string program, string[] args, string defaultOut, Func<ExampleArguments, int> run)
    {
        var arguments = ExampleArguments.Parse(args, defaultOut, out var error);
        if (arguments is null)
        {
            if (!string.IsNullOrEmpty(error)) Console.Error.WriteLine($"error: {error}");
            Console.Error.WriteLine(ExampleArguments.Usage(program));
            return string.IsNullOrEmpty(error) ? 0 : 2; // --help is not an error
        }
        try
        {
            return run(arguments);
        }
        catch (Exception e) when (e is DatasetException or IOException or InvalidOperationException or ArgumentException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }
}
