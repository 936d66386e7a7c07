using Diagnose.Core.Snapshots;
using Diagnose.Ingest.Decoding;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Diagnose.Ingest.Readers;

/// <summary>
/// Reads and strictly checks a cluster snapshot JSON file. Every unknown key, wrong type or bad value is
/// reported with its line and column; the parts that are valid are kept.
/// </summary>
public static class SnapshotReader
{
    /// <summary>The value of a snapshot file's <c>kind</c> key.</summary>
    public const string Kind = "cluster-snapshot";

    private static readonly string[] RootKeys = ["kind", "cluster", "capturedAt", "nodes", "quorum", "resources", "restores"];
    private static readonly string[] NodeKeys = ["name", "os", "servicePack", "clusdb", "clusDiskStart", "clusSvcStart", "clusterMember", "recoveryInstallAvailable"];
    private static readonly string[] ClusdbKeys = ["state", "bytes"];
    private static readonly string[] QuorumKeys = ["checkpoints", "quolog", "tombstone", "lastConfigurationChange", "lastConfigurationChangeLogged", "mscsFolderPresent"];
    private static readonly string[] QuologKeys = ["present", "valid"];
    private static readonly string[] CheckpointKeys = ["file", "sequence", "checksumMatches", "loadHive", "writtenAt"];
    private static readonly string[] LoadHiveResults = ["loads", "fails"];
    private static readonly string[] ResourceKeys = ["name", "group", "type", "service", "possibleOwners"];
    private static readonly string[] ClusdbStates = ["valid", "corrupt", "zero-bytes", "missing"];
    private static readonly string[] StartTypes = ["system", "boot", "automatic", "manual", "disabled"];

    /// <summary>The snapshot, or null (after reporting why) when the JSON is malformed or holds nothing usable.</summary>
    public static ClusterSnapshot? Read(Stream stream, ReadContext context)
    {
        JObject root;
        using (var text = new CheckedTextReader(stream, context))
        using (var json = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None, CloseInput = false })
        {
            try
            {
                var token = JToken.ReadFrom(json, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load });
                if (token is not JObject o)
                {
                    context.Problem($"a cluster snapshot must be a JSON object, found {token.Type}", line: json.LineNumber, column: json.LinePosition);
                    return null;
                }

                root = o;
                if (json.Read())
                {
                    context.Problem("unexpected content after the snapshot object", line: json.LineNumber, column: json.LinePosition);
                }
            }
            catch (JsonReaderException e)
            {
                context.Problem($"the snapshot is not valid JSON: {e.Message}", line: e.LineNumber, column: e.LinePosition);
                return null;
            }
        }

        context.Cancellation.ThrowIfCancellationRequested();
        var check = new SnapshotChecker(context);
        check.Keys(root, RootKeys, "the snapshot");
        if (check.String(root, "kind", "kind") is { } kind && kind != Kind)
        {
            check.Report(root.Property("kind")!.Value, $"'kind' must be \"{Kind}\", found \"{kind}\"");
        }

        var nodes = new List<SnapshotNode>();
        foreach (var (item, path) in check.Objects(root, "nodes", "nodes"))
        {
            if (ReadNode(item, path, check) is { } node)
            {
                nodes.Add(node);
            }
        }

        var resources = new List<SnapshotResource>();
        foreach (var (item, path) in check.Objects(root, "resources", "resources"))
        {
            if (ReadResource(item, path, check) is { } resource)
            {
                resources.Add(resource);
            }
        }

        var restores = new List<SnapshotRestore>();
        foreach (var (item, path) in check.Objects(root, "restores", "restores"))
        {
            if (SnapshotRestoreReader.Read(item, path, check) is { } restore)
            {
                restores.Add(restore);
            }
        }

        var quorumObject = check.Object(root, "quorum", "quorum");
        var snapshot = new ClusterSnapshot
        {
            Cluster = check.String(root, "cluster", "cluster"),
            CapturedAtUtc = check.Date(root, "capturedAt", "capturedAt"),
            Nodes = nodes,
            Quorum = quorumObject is null ? null : ReadQuorum(quorumObject, check),
            Resources = resources,
            Restores = restores,
            Source = context.Source,
        };

        if (snapshot.Cluster is null && nodes.Count == 0 && snapshot.Quorum is null && resources.Count == 0 && restores.Count == 0)
        {
            context.Problem("the snapshot holds no usable cluster name, node, quorum, resource or restore");
            return null;
        }

        return snapshot;
    }

    private static SnapshotNode? ReadNode(JObject o, string path, SnapshotChecker check)
    {
        check.Keys(o, NodeKeys, path);
        var name = check.String(o, "name", $"{path}.name");
        var clusdb = check.Object(o, "clusdb", $"{path}.clusdb");
        string? clusdbState = null;
        long? clusdbBytes = null;
        if (clusdb is not null)
        {
            check.Keys(clusdb, ClusdbKeys, $"{path}.clusdb");
            clusdbState = check.OneOf(clusdb, "state", $"{path}.clusdb.state", ClusdbStates);
            clusdbBytes = check.Integer(clusdb, "bytes", $"{path}.clusdb.bytes");
        }

        var servicePack = check.Integer(o, "servicePack", $"{path}.servicePack");
        var node = new SnapshotNode
        {
            Name = name ?? "",
            Os = check.String(o, "os", $"{path}.os"),
            ServicePack = servicePack is >= 0 and <= int.MaxValue ? (int)servicePack : null,
            ClusdbState = clusdbState,
            ClusdbBytes = clusdbBytes,
            ClusDiskStart = check.OneOf(o, "clusDiskStart", $"{path}.clusDiskStart", StartTypes),
            ClusSvcStart = check.OneOf(o, "clusSvcStart", $"{path}.clusSvcStart", StartTypes),
            ClusterMember = check.Bool(o, "clusterMember", $"{path}.clusterMember"),
            RecoveryInstallAvailable = check.Bool(o, "recoveryInstallAvailable", $"{path}.recoveryInstallAvailable"),
            Line = SnapshotChecker.LineOf(o),
        };

        if (string.IsNullOrWhiteSpace(name))
        {
            check.Report(o, $"{path} has no \"name\"; the node is left out");
            return null;
        }

        return node;
    }

    private static SnapshotQuorum ReadQuorum(JObject o, SnapshotChecker check)
    {
        check.Keys(o, QuorumKeys, "quorum");
        var checkpoints = new List<SnapshotCheckpoint>();
        foreach (var (item, path) in check.Objects(o, "checkpoints", "quorum.checkpoints"))
        {
            check.Keys(item, CheckpointKeys, path);
            var file = check.String(item, "file", $"{path}.file");
            var sequence = check.Integer(item, "sequence", $"{path}.sequence");
            var matches = check.Bool(item, "checksumMatches", $"{path}.checksumMatches");
            var loadHive = check.OneOf(item, "loadHive", $"{path}.loadHive", LoadHiveResults);
            var written = check.Date(item, "writtenAt", $"{path}.writtenAt");
            if (string.IsNullOrWhiteSpace(file) || sequence is null)
            {
                check.Report(item, $"{path} needs both \"file\" and \"sequence\"; the checkpoint is left out");
                continue;
            }

            checkpoints.Add(new SnapshotCheckpoint
            {
                File = file, Sequence = sequence.Value, ChecksumMatches = matches, LoadHive = loadHive, WrittenAtUtc = written, Line = SnapshotChecker.LineOf(item),
            });
        }

        var quolog = check.Object(o, "quolog", "quorum.quolog");
        if (quolog is not null)
        {
            check.Keys(quolog, QuologKeys, "quorum.quolog");
        }

        return new SnapshotQuorum
        {
            Checkpoints = checkpoints,
            QuologPresent = quolog is null ? null : check.Bool(quolog, "present", "quorum.quolog.present"),
            QuologValid = quolog is null ? null : check.Bool(quolog, "valid", "quorum.quolog.valid"),
            Tombstone = check.Bool(o, "tombstone", "quorum.tombstone"),
            LastConfigurationChangeUtc = check.Date(o, "lastConfigurationChange", "quorum.lastConfigurationChange"),
            LastConfigurationChangeLogged = check.Bool(o, "lastConfigurationChangeLogged", "quorum.lastConfigurationChangeLogged"),
            MscsFolderPresent = check.Bool(o, "mscsFolderPresent", "quorum.mscsFolderPresent"),
            Line = SnapshotChecker.LineOf(o),
        };
    }

    private static SnapshotResource? ReadResource(JObject o, string path, SnapshotChecker check)
    {
        check.Keys(o, ResourceKeys, path);
        var name = check.String(o, "name", $"{path}.name");
        var owners = new List<string>();
        if (check.Array(o, "possibleOwners", $"{path}.possibleOwners") is { } array)
        {
            var i = 0;
            foreach (var owner in array)
            {
                if (owner.Type == JTokenType.String && !string.IsNullOrWhiteSpace((string?)owner))
                {
                    owners.Add(((string)owner!).Trim());
                }
                else
                {
                    check.Report(owner, $"{path}.possibleOwners[{i}] must be a node name (string), found {SnapshotChecker.Describe(owner)}");
                }

                i++;
            }
        }

        var resource = new SnapshotResource
        {
            Name = name ?? "",
            Group = check.String(o, "group", $"{path}.group"),
            Type = check.String(o, "type", $"{path}.type"),
            Service = check.String(o, "service", $"{path}.service"),
            PossibleOwners = owners,
            Line = SnapshotChecker.LineOf(o),
        };

        if (string.IsNullOrWhiteSpace(name))
        {
            check.Report(o, $"{path} has no \"name\"; the resource is left out");
            return null;
        }

        return resource;
    }
}
