using System.Diagnostics;
using System.Text;

namespace ImageDsl.Tests.Packaging;

/// <summary>
/// A built app run with <c>dotnet app.dll</c> that keeps running (a web server): started, read
/// line by line until it prints its address, and killed with its whole process tree on
/// <see cref="Dispose"/>, whatever the test did. Its standard input is a pipe this object holds,
/// so an app that stops when its input closes (the WebConsumer does) also stops if the test host dies.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly TaskCompletionSource<string> ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string readyPrefix;
    private bool disposed, goneAfterKill;

    private ServerProcess(string workingDirectory, string readyPrefix, string[] arguments)
    {
        this.readyPrefix = readyPrefix;
        var start = new ProcessStartInfo(DotnetCli.Executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        DotnetCli.CleanEnvironment(start.Environment);
        process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"the app exited with {process.ExitCode} before printing '{readyPrefix}':\n{Output}"));
    }

    /// <summary>Everything the app printed so far, standard output and error interleaved.</summary>
    public string Output
    {
        get { lock (output) return output.ToString(); }
    }

    /// <summary>
    /// Starts <c>dotnet <paramref name="arguments"/></c> and waits until it prints a line starting
    /// with <paramref name="readyPrefix"/>; returns the process and the rest of that line. Kills it
    /// before throwing when it exits first or takes longer than <paramref name="timeout"/>.
    /// </summary>
    public static (ServerProcess Server, string Ready) Start(string workingDirectory, string readyPrefix, TimeSpan timeout, params string[] arguments)
    {
        var server = new ServerProcess(workingDirectory, readyPrefix, arguments);
        try
        {
            server.process.Start();
            server.process.BeginOutputReadLine();
            server.process.BeginErrorReadLine();
            if (!server.ready.Task.Wait(timeout))
                throw new TimeoutException($"the app printed no '{readyPrefix}' line within {timeout}:\n{server.Output}");
            return (server, server.ready.Task.Result);
        }
        catch (AggregateException e) when (e.InnerException is not null)
        {
            server.Dispose();
            throw e.InnerException;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>Closes the app's standard input and waits up to <paramref name="timeout"/> for it to exit; whether it did.</summary>
    public bool CloseInputAndWait(TimeSpan timeout)
    {
        process.StandardInput.Close();
        return process.WaitForExit(timeout);
    }

    /// <summary>Whether the app is still running.</summary>
    public bool IsRunning => disposed ? !goneAfterKill : !process.HasExited;

    private void OnLine(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
        if (line.StartsWith(readyPrefix, StringComparison.Ordinal)) ready.TrySetResult(line[readyPrefix.Length..].Trim());
    }

    /// <summary>Kills the app and everything it started, then waits for it to be gone.</summary>
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            goneAfterKill = process.WaitForExit(TimeSpan.FromSeconds(30));
        }
        catch (InvalidOperationException) { goneAfterKill = true; } // never started: nothing to kill
        process.Dispose();
    }
}
