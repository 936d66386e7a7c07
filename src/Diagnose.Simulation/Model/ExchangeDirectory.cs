namespace Diagnose.Simulation.Model;

/// <summary>
/// The Exchange 5.5 directory: the "Restore in Progress" value an online restore writes under the
/// service key, whether the restored database still needs its logs replayed, and where the service runs.
/// </summary>
public sealed class ExchangeDirectory
{
    /// <summary>The node whose MSExchangeDS key holds "Restore in Progress", or null.</summary>
    public string? RestoreMarkerOn { get; set; }

    public bool NeedsReplay { get; set; }

    /// <summary>The node where MSExchangeDS runs, or null when stopped.</summary>
    public string? RunningOn { get; set; }

    public ExchangeDirectory Clone() => (ExchangeDirectory)MemberwiseClone();
}
