namespace Diagnose.Simulation.Model;

/// <summary>How a resource comes online: a plain resource, a JET-backed service (WINS, DHCP) or the Exchange directory.</summary>
public enum ResourceKind
{
    Plain,
    Jet,
    ExchangeDirectory,
}
