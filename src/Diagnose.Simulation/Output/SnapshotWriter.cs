using Diagnose.Core.Time;
using Diagnose.Simulation.Model;
using Newtonsoft.Json;

namespace Diagnose.Simulation.Output;

/// <summary>Writes the cluster snapshot JSON (README "Cluster snapshot") that a support engineer would fill in for this cluster.</summary>
internal static class SnapshotWriter
{
    public static void Write(TextWriter text, ClusterState state, DateTime capturedAt, bool reportClusdbBytes = true)
    {
        using var json = new JsonTextWriter(text) { Formatting = Formatting.Indented, CloseOutput = false };
        json.WriteStartObject();
        json.WritePropertyName("kind");
        json.WriteValue("cluster-snapshot");
        json.WritePropertyName("cluster");
        json.WriteValue(state.Name);
        json.WritePropertyName("capturedAt");
        json.WriteValue(Iso(capturedAt));
        json.WritePropertyName("nodes");
        json.WriteStartArray();
        foreach (var node in state.Nodes)
        {
            json.WriteStartObject();
            json.WritePropertyName("name");
            json.WriteValue(node.Name);
            json.WritePropertyName("os");
            json.WriteValue(OsVersions.SnapshotName(node.Os));
            json.WritePropertyName("servicePack");
            json.WriteValue(OsVersions.ServicePack(node.Os));
            json.WritePropertyName("clusdb");
            json.WriteStartObject();
            json.WritePropertyName("state");
            json.WriteValue(node.Clusdb.State switch
            {
                ClusdbState.Valid => "valid",
                ClusdbState.Corrupt => "corrupt",
                ClusdbState.ZeroBytes => "zero-bytes",
                _ => "missing",
            });
            if (reportClusdbBytes && node.Clusdb.State != ClusdbState.Missing)
            {
                json.WritePropertyName("bytes");
                json.WriteValue(node.Clusdb.State == ClusdbState.ZeroBytes ? 0 : 786432 + (node.Clusdb.ConfigVersion * 4096));
            }

            json.WriteEndObject();
            json.WritePropertyName("clusDiskStart");
            json.WriteValue(Start(node.ClusDiskStart));
            json.WritePropertyName("clusSvcStart");
            json.WriteValue(Start(node.ClusSvcStart));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WritePropertyName("quorum");
        json.WriteStartObject();
        json.WritePropertyName("checkpoints");
        json.WriteStartArray();
        foreach (var checkpoint in (state.Quorum.MscsPresent ? state.Quorum.Checkpoints : []).OrderBy(c => c.Sequence))
        {
            json.WriteStartObject();
            json.WritePropertyName("file");
            json.WriteValue(checkpoint.File);
            json.WritePropertyName("sequence");
            json.WriteValue(checkpoint.Sequence);
            json.WritePropertyName("checksumMatches");
            json.WriteValue(checkpoint.Consistent);
            json.WritePropertyName("writtenAt");
            json.WriteValue(Iso(checkpoint.WrittenAt));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WritePropertyName("quolog");
        json.WriteStartObject();
        json.WritePropertyName("present");
        json.WriteValue(state.Quorum.MscsPresent && state.Quorum.QuologPresent);
        json.WritePropertyName("valid");
        json.WriteValue(state.Quorum.QuologValid);
        json.WriteEndObject();
        json.WritePropertyName("tombstone");
        json.WriteValue(state.Quorum.Tombstone);
        json.WritePropertyName("lastConfigurationChange");
        json.WriteValue(Iso(state.LastConfigurationChange));
        json.WriteEndObject();
        json.WritePropertyName("resources");
        json.WriteStartArray();
        foreach (var group in state.Groups)
        {
            foreach (var r in group.Resources)
            {
                json.WriteStartObject();
                json.WritePropertyName("name");
                json.WriteValue(r.Name);
                json.WritePropertyName("group");
                json.WriteValue(group.Name);
                json.WritePropertyName("type");
                json.WriteValue(r.Type);
                if (r.Service is not null)
                {
                    json.WritePropertyName("service");
                    json.WriteValue(r.Service);
                }

                json.WritePropertyName("possibleOwners");
                json.WriteStartArray();
                foreach (var owner in r.PossibleOwners)
                {
                    json.WriteValue(owner);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }
        }

        json.WriteEndArray();
        WriteRestores(json, state.Restores);
        json.WriteEndObject();
        text.Write('\n');
    }

    /// <summary>The online restores the backup program's job log would list, as the engineer enters them (none: no <c>restores</c>).</summary>
    private static void WriteRestores(JsonTextWriter json, IReadOnlyList<RestoreRecord> restores)
    {
        if (restores.Count == 0)
        {
            return;
        }

        json.WritePropertyName("restores");
        json.WriteStartArray();
        foreach (var restore in restores)
        {
            json.WriteStartObject();
            json.WritePropertyName("node");
            json.WriteValue(restore.Node);
            json.WritePropertyName("service");
            json.WriteValue(restore.Service);
            json.WritePropertyName("finishedAt");
            json.WriteValue(Iso(restore.FinishedAt));
            json.WritePropertyName("startServicesAfterRestore");
            json.WriteValue(restore.StartServicesAfterRestore);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static string Iso(DateTime t) => IsoTime.Format(t, IsoPrecision.Seconds);

    private static string Start(StartType start) => start.ToString().ToLowerInvariant();
}
