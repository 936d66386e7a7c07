using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Diagnose.Api.Tests.Stores;

/// <summary>
/// The service as a real process (Kestrel on a loopback port), started from the test output's
/// <c>Diagnose.Api.dll</c> with the given store, uploads folder, lease and instance id; <see cref="Kill"/> is kill -9.
/// </summary>
internal sealed class ServiceProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServiceProcess(Process process, Uri address, string instanceId)
    {
        _process = process;
        Address = address;
        InstanceId = instanceId;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    public string InstanceId { get; }

    public HttpClient Client { get; }

    /// <summary>Every line the process wrote to stdout and stderr so far.</summary>
    public IReadOnlyList<string> Output => _output.ToList();

    public static async Task<ServiceProcess> StartAsync(string database, string uploads, string instanceId, double leaseSeconds, string? contentRoot = null, int workers = 1)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     Path.Combine(AppContext.BaseDirectory, "Diagnose.Api.dll"), "--urls", $"http://127.0.0.1:{port}",
                     $"--Diagnose:Database={database}", $"--Diagnose:Uploads={uploads}", $"--Diagnose:InstanceId={instanceId}",
                     $"--Diagnose:LeaseSeconds={leaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
                     $"--Diagnose:ReanalysisWorkers={workers}", "--Logging:LogLevel:Microsoft.AspNetCore=Warning",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        if (contentRoot is not null)
        {
            start.ArgumentList.Add($"--Diagnose:ContentRoot={contentRoot}");
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var service = new ServiceProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"), instanceId);
        await service.WaitReadyAsync();
        return service;
    }

    /// <summary>kill -9: no shutdown, no lease given back.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        Client.Dispose();
        _process.Dispose();
    }

    private async Task WaitReadyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                Assert.Fail($"instance {InstanceId} exited with {_process.ExitCode} before it was ready:\n{string.Join('\n', Output)}");
            }

            try
            {
                using var health = await Client.GetAsync("/health");
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        Assert.Fail($"instance {InstanceId} was not ready within 60 s:\n{string.Join('\n', Output)}");
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
