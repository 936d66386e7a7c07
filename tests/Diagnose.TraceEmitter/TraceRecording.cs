using System.Diagnostics;
using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;

namespace Diagnose.TraceEmitter;

/// <summary>
/// Records a real .nettrace: starts the emitter as a child process, opens an EventPipe session on it
/// through its diagnostic port, streams the session to a file while the child writes its events, and
/// stops the session when the child says it is done. The child is always killed at the end.
/// </summary>
public static class TraceRecording
{
    /// <summary>The emitter beside the calling test assembly (the test project references it).</summary>
    public static string EmitterPath => Path.Combine(AppContext.BaseDirectory, "Diagnose.TraceEmitter.dll");

    public static async Task RecordAsync(string mode, IReadOnlyList<string> providers, string output, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(EmitterPath);
        start.ArgumentList.Add(mode);
        using var child = Process.Start(start) ?? throw new InvalidOperationException("could not start the trace emitter");
        try
        {
            var ready = await child.StandardOutput.ReadLineAsync(cancel.Token);
            if (ready != "ready")
            {
                throw new InvalidOperationException($"the trace emitter said '{ready}' instead of 'ready'");
            }

            var client = new DiagnosticsClient(child.Id);
            using var session = client.StartEventPipeSession(
                providers.Select(p => new EventPipeProvider(p, EventLevel.Verbose, long.MaxValue)), requestRundown: false);
            await using (var file = File.Create(output))
            {
                var copy = session.EventStream.CopyToAsync(file, cancel.Token);
                var done = await child.StandardOutput.ReadLineAsync(cancel.Token);
                if (done != "done")
                {
                    throw new InvalidOperationException($"the trace emitter said '{done}' instead of 'done'");
                }

                await session.StopAsync(cancel.Token);
                await copy.WaitAsync(cancel.Token);
            }

            child.StandardInput.Close();
        }
        finally
        {
            if (!child.HasExited)
            {
                child.Kill(entireProcessTree: true);
            }

            await child.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
        }
    }
}
