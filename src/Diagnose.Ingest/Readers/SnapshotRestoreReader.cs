using Diagnose.Core.Snapshots;
using Newtonsoft.Json.Linq;

namespace Diagnose.Ingest.Readers;

/// <summary>Reads one entry of a snapshot's <c>restores</c>: <c>{"node", "service", "finishedAt", "startServicesAfterRestore", "program"}</c>.</summary>
internal static class SnapshotRestoreReader
{
    private static readonly string[] Keys = ["node", "service", "finishedAt", "startServicesAfterRestore", "program"];

    public static SnapshotRestore? Read(JObject o, string path, SnapshotChecker check)
    {
        check.Keys(o, Keys, path);
        var node = check.String(o, "node", $"{path}.node");
        var restore = new SnapshotRestore
        {
            Node = node?.Trim() ?? "",
            Service = check.String(o, "service", $"{path}.service"),
            FinishedAtUtc = check.Date(o, "finishedAt", $"{path}.finishedAt"),
            StartServicesAfterRestore = check.Bool(o, "startServicesAfterRestore", $"{path}.startServicesAfterRestore"),
            Program = check.String(o, "program", $"{path}.program"),
            Line = SnapshotChecker.LineOf(o),
        };

        if (string.IsNullOrWhiteSpace(node))
        {
            check.Report(o, $"{path} has no \"node\"; the restore is left out");
            return null;
        }

        return restore;
    }
}
