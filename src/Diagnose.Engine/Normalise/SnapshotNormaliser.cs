using System.Globalization;
using Diagnose.Core.Snapshots;
using Diagnose.Core.Time;
using Diagnose.Rules.Facts;

namespace Diagnose.Normalise;

/// <summary>Turns a cluster snapshot into facts: nodes, checkpoints, quorum state and resources, each with its observation origin.</summary>
internal sealed class SnapshotNormaliser
{
    private readonly FactSchemaSet _schemas;

    public SnapshotNormaliser(FactSchemaSet schemas) => _schemas = schemas;

    public IEnumerable<Fact> Facts(ClusterSnapshot snapshot)
    {
        foreach (var node in snapshot.Nodes)
        {
            var name = NodeNames.Normalise(node.Name);
            var clusdb = node.ClusdbState is null ? "unknown" : node.ClusdbBytes is long bytes ? $"{node.ClusdbState} ({bytes.ToString(CultureInfo.InvariantCulture)} bytes)" : node.ClusdbState;
            var os = $"{node.Os}{(node.ServicePack is int sp ? $" SP{sp}" : "")}";
            yield return Fact.Create(_schemas.Get("ClusterNode"), new Dictionary<string, object?>
            {
                ["node"] = name,
                ["os"] = node.Os,
                ["osFamily"] = OsFamily(node.Os),
                ["servicePack"] = node.ServicePack is int p ? (long)p : null,
                ["clusdbState"] = node.ClusdbState?.ToLowerInvariant(),
                ["clusdbBytes"] = node.ClusdbBytes,
                ["clusDiskStart"] = node.ClusDiskStart?.ToLowerInvariant(),
                ["clusSvcStart"] = node.ClusSvcStart?.ToLowerInvariant(),
                ["clusterMember"] = node.ClusterMember,
                ["recoveryInstallAvailable"] = node.RecoveryInstallAvailable,
                ["capturedAt"] = snapshot.CapturedAtUtc,
            }, new ObservationOrigin(snapshot.Source, "node", $"{os.Trim()}; Clusdb {clusdb}", name, node.Line));
        }

        if (snapshot.Quorum is { } quorum)
        {
            foreach (var checkpoint in quorum.Checkpoints)
            {
                var state = checkpoint.ChecksumMatches switch { true => "consistent", false => "inconsistent", null => "consistency unknown" }
                    + (checkpoint.LoadHive is { } hive ? $", a copy {hive} in Load Hive" : "");
                var written = (checkpoint.WrittenAtUtc is { } writtenAt ? IsoTime.Format(writtenAt, IsoPrecision.Seconds) : null) ?? "time unknown";
                yield return Fact.Create(_schemas.Get("QuorumCheckpoint"), new Dictionary<string, object?>
                {
                    ["file"] = checkpoint.File,
                    ["sequence"] = checkpoint.Sequence,
                    ["checksumMatches"] = checkpoint.ChecksumMatches,
                    ["loadHive"] = checkpoint.LoadHive,
                    ["writtenAt"] = checkpoint.WrittenAtUtc,
                }, new ObservationOrigin(snapshot.Source, "checkpoint", $"{checkpoint.File} sequence {checkpoint.Sequence}, {state}, written {written}", null, checkpoint.Line));
            }

            var change = (quorum.LastConfigurationChangeUtc is { } changedAt ? IsoTime.Format(changedAt, IsoPrecision.Seconds) : null) ?? "unknown";
            yield return Fact.Create(_schemas.Get("QuorumState"), new Dictionary<string, object?>
            {
                ["cluster"] = snapshot.Cluster,
                ["quologPresent"] = quorum.QuologPresent,
                ["quologValid"] = quorum.QuologValid,
                ["tombstone"] = quorum.Tombstone,
                ["lastConfigurationChange"] = quorum.LastConfigurationChangeUtc,
                ["lastConfigurationChangeLogged"] = quorum.LastConfigurationChangeLogged,
                ["mscsFolderPresent"] = quorum.MscsFolderPresent,
                ["capturedAt"] = snapshot.CapturedAtUtc,
            }, new ObservationOrigin(snapshot.Source, "quorum", $"quolog {(quorum.QuologPresent == false ? "missing" : quorum.QuologValid == false ? "invalid" : "present")}; last configuration change {change}", null, quorum.Line));
        }

        foreach (var resource in snapshot.Resources)
        {
            yield return Fact.Create(_schemas.Get("ClusterResource"), new Dictionary<string, object?>
            {
                ["resource"] = resource.Name,
                ["group"] = resource.Group,
                ["type"] = resource.Type,
                ["service"] = resource.Service,
                ["possibleOwners"] = string.Join(",", resource.PossibleOwners.Select(NodeNames.Normalise)),
            }, new ObservationOrigin(snapshot.Source, "resource", $"{resource.Name} ({resource.Type}) owners {string.Join(", ", resource.PossibleOwners)}", null, resource.Line));
        }

        foreach (var restore in Restores(snapshot))
        {
            yield return restore;
        }
    }

    private IEnumerable<Fact> Restores(ClusterSnapshot snapshot) => snapshot.Restores.Select(restore =>
    {
        var node = NodeNames.Normalise(restore.Node);
        var finished = restore.FinishedAtUtc is { } at ? IsoTime.Format(at, IsoPrecision.Seconds) : "time unknown";
        var startServices = restore.StartServicesAfterRestore switch { true => "services started after restore", false => "services not started after restore", null => "start-services option unknown" };
        return Fact.Create(_schemas.Get("RestoreRecorded"), new Dictionary<string, object?>
        {
            ["node"] = node,
            ["time"] = restore.FinishedAtUtc,
            ["service"] = restore.Service,
            ["startServicesAfterRestore"] = restore.StartServicesAfterRestore,
            ["program"] = restore.Program,
        }, new ObservationOrigin(snapshot.Source, "restore", $"{restore.Service ?? "data"} restored{(restore.Program is null ? "" : $" by {restore.Program}")}, finished {finished}, {startServices}", node, restore.Line));
    });

    /// <summary>nt4, windows2000, windows2003 or other, from how people write the OS name.</summary>
    public static string OsFamily(string? os)
    {
        var text = (os ?? "").ToLowerInvariant();
        return text switch
        {
            _ when text.Contains("2003", StringComparison.Ordinal) => "windows2003",
            _ when text.Contains("2000", StringComparison.Ordinal) => "windows2000",
            _ when text.Contains("nt 4", StringComparison.Ordinal) || text.Contains("nt4", StringComparison.Ordinal) || text.Contains("4.0", StringComparison.Ordinal) => "nt4",
            _ => "other",
        };
    }
}
