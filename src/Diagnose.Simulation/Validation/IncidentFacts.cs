using Diagnose.Core.Snapshots;
using Diagnose.Simulation.Model;

namespace Diagnose.Simulation.Validation;

/// <summary>
/// What a replay knows of the incident as it was: each node's operating system and service pack from the snapshot,
/// and, where nothing says, the assumption the replay makes instead, written out so the verdict can list it.
/// </summary>
internal sealed class IncidentFacts
{
    private readonly List<string> _assumptions = [];

    public IncidentFacts(ClusterSnapshot? snapshot) => Snapshot = snapshot;

    public ClusterSnapshot? Snapshot { get; }

    /// <summary>The assumptions made so far, in the order they were made.</summary>
    public IReadOnlyList<string> Assumptions => _assumptions;

    /// <summary>The node's operating system as the snapshot gives it, or null.</summary>
    public OsVersion? SnapshotOs(string node) =>
        Snapshot?.Nodes.FirstOrDefault(n => NodeName(n.Name) == node) is { } found ? Parse(found.Os, found.ServicePack) : null;

    /// <summary>The node's operating system from the snapshot; else <paramref name="assumed"/>, recorded with <paramref name="because"/>.</summary>
    public OsVersion OsOf(string node, OsVersion assumed, string because)
    {
        if (SnapshotOs(node) is { } known)
        {
            return known;
        }

        Assume($"{node} runs {OsVersions.SnapshotName(assumed)} SP{OsVersions.ServicePack(assumed)} ({because})");
        return assumed;
    }

    public void Assume(string assumption) => _assumptions.Add(assumption);

    /// <summary>The snapshot's node names, short and upper-case like the computer names in the logs.</summary>
    public static string NodeName(string name) => name.Split('.')[0].ToUpperInvariant();

    /// <summary>
    /// "Windows NT 4.0" with its service pack (SP5 brought the checkpoint checksum and periodic checkpoints, Q217147;
    /// earlier ones behave as SP4), "Windows 2000", "Windows Server 2003"; null for anything else or NT 4.0 without a service pack.
    /// </summary>
    public static OsVersion? Parse(string? os, int? servicePack)
    {
        var text = os ?? "";
        if (text.Contains("2003", StringComparison.Ordinal))
        {
            return OsVersion.Windows2003;
        }

        if (text.Contains("2000", StringComparison.Ordinal))
        {
            return OsVersion.Windows2000;
        }

        if (text.Contains("NT", StringComparison.OrdinalIgnoreCase) && text.Contains('4', StringComparison.Ordinal) && servicePack is { } sp)
        {
            return sp >= 5 ? OsVersion.Nt4Sp5 : OsVersion.Nt4Sp4;
        }

        return null;
    }
}
