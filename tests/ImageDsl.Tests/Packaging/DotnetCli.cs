using System.Diagnostics;
using System.Text;

namespace ImageDsl.Tests.Packaging;

/// <summary>Runs the .NET CLI from inside a test, as a user would in a fresh shell.</summary>
internal static class DotnetCli
{
    /// <summary>The dotnet host running this test, so the child uses the same SDK install.</summary>
    public static string Executable { get; } = FindExecutable();

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/>; throws with the whole output on failure or timeout.</summary>
    public static string Run(string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var (exitCode, output, command, elapsed) = Execute(workingDirectory, timeout, arguments);
        if (exitCode != 0)
            throw new InvalidOperationException($"{command} exited with {exitCode} after {elapsed.TotalSeconds:F0} s:\n{output}");
        return output;
    }

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> and returns its exit code and output; throws on timeout only.</summary>
    public static (int ExitCode, string Output) RunAllowingFailure(string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var (exitCode, output, _, _) = Execute(workingDirectory, timeout, arguments);
        return (exitCode, output);
    }

    private static (int ExitCode, string Output, string Command, TimeSpan Elapsed) Execute(string workingDirectory, TimeSpan timeout, string[] arguments)
    {
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        CleanEnvironment(start.Environment);

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        // A null line is the end of a stream: only then has every line of it been appended.
        var outputEnded = new TaskCompletionSource();
        var errorEnded = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) => { if (e.Data is null) outputEnded.TrySetResult(); else lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is null) errorEnded.TrySetResult(); else lock (output) output.AppendLine(e.Data); };
        var stopwatch = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var command = $"dotnet {string.Join(' ', arguments)} (in {workingDirectory})";
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(10));
            throw new TimeoutException($"{command} did not finish within {timeout}:\n{Text(output)}");
        }
        // Waits for the asynchronous readers to reach the end of both streams (WaitForExit with a
        // timeout does not: it once returned before the program's last lines had been read).
        // Bounded in case a stray grandchild, such as a build server, keeps the pipes open.
        Task.WaitAll([outputEnded.Task, errorEnded.Task], TimeSpan.FromSeconds(30));
        return (process.ExitCode, Text(output), command, stopwatch.Elapsed);
    }

    private static string Text(StringBuilder output)
    {
        lock (output) return output.ToString();
    }

    /// <summary>
    /// Drops what <c>dotnet test</c> sets for its own MSBuild (the SDK paths of the parent build
    /// would steer the child's), and keeps no build servers or worker nodes alive afterwards: a
    /// lingering server would hold this test's output pipes open and outlive the test run.
    /// </summary>
    public static void CleanEnvironment(IDictionary<string, string?> environment)
    {
        foreach (var key in environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
            environment.Remove(key);
        environment["MSBUILDDISABLENODEREUSE"] = "1";
        environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        environment["UseSharedCompilation"] = "false";
        environment["DOTNET_NOLOGO"] = "1";
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
    }

    private static string FindExecutable()
    {
        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.ProcessPath is { } self && Path.GetFileName(self) == name) return self;
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)) return host;
        return name;
    }
}
