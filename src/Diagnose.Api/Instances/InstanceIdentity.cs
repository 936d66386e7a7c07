using Microsoft.Extensions.Options;

namespace Diagnose.Api.Instances;

/// <summary>
/// This process' id among the instances sharing a store: it marks the analyses and jobs it runs, their
/// leases, and every log line. A restart is a new instance, so its old work is recovered like any other's.
/// </summary>
public sealed class InstanceIdentity
{
    public InstanceIdentity(IOptions<ApiOptions> options)
    {
        Id = options.Value.InstanceId is { Length: > 0 } configured
            ? configured
            : $"{Environment.MachineName.ToLowerInvariant()}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";
    }

    public string Id { get; }
}
