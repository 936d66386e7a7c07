using System.Diagnostics;

namespace Diagnose.Ingest.Evtx.Tests;

/// <summary>Runs the independent reference tools (Debian libevtx-utils, python3-evtx, libevt-utils) when installed.</summary>
internal static class ExternalTools
{
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':')
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    /// <summary>Runs a tool, returns its stdout; fails the test on a non-zero exit or after the timeout.</summary>
    public static string Run(string file, string arguments, int timeoutMs = 60_000)
    {
        var info = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["PYTHONIOENCODING"] = "utf-8";
        info.Environment["LC_ALL"] = "C.UTF-8";
        using var p = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {file}");
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(timeoutMs))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"{file} {arguments}: no exit after {timeoutMs} ms");
        }

        Assert.AreEqual(0, p.ExitCode, $"{file} {arguments} failed: {stderr.Result}");
        return stdout;
    }

    public static string Require(string name, string package)
    {
        var path = Find(name);
        if (path is null)
        {
            Assert.Inconclusive($"{name} is not installed (Debian package {package}; .ci/run installs it): independent check skipped");
        }

        return path!;
    }
}
