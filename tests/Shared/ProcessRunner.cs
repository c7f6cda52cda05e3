using System.Diagnostics;
using System.Text;

namespace Descent.Testing;

/// <summary>Runs a child process to its end with a time limit, collecting stdout and stderr. One source file, linked into
/// every test project that starts processes (see each csproj).</summary>
internal static class ProcessRunner
{
    /// <summary>Runs <paramref name="start"/> (its output redirected here) and returns the exit code and both streams; kills
    /// the whole process tree and throws <see cref="TimeoutException"/> when it outlives <paramref name="timeout"/>.</summary>
    public static (int Code, string Stdout, string Stderr) Run(ProcessStartInfo start, TimeSpan timeout)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}");
        }

        process.WaitForExit();
        lock (stdout)
        {
            lock (stderr)
            {
                return (process.ExitCode, stdout.ToString(), stderr.ToString());
            }
        }
    }

    private static void Append(StringBuilder into, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (into)
        {
            into.AppendLine(line);
        }
    }
}
