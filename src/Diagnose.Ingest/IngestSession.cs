using Diagnose.Core.Inputs;
using Diagnose.Core.Snapshots;

namespace Diagnose.Ingest;

/// <summary>Everything one ingest run learned besides the records: per-input summaries and cluster snapshots.</summary>
public sealed class IngestSession
{
    /// <summary>One summary per input, in the order read.</summary>
    public List<InputSummary> Inputs { get; } = [];

    /// <summary>The cluster snapshots among the inputs.</summary>
    public List<ClusterSnapshot> Snapshots { get; } = [];

    /// <summary>Called as inputs are read (input path, bytes read so far, total bytes), for progress displays.</summary>
    public Action<string, long, long>? Progress { get; init; }

    /// <summary>Binary readers also carve records from damaged and unused space (see the EVTX README).</summary>
    public bool Recover { get; init; }
}
