namespace Diagnose.Knowledge.Articles;

/// <summary>Cluster state a replay must leave as the diagnosis' snapshot gives it (kb/ <c>incidents[].reproduces[].state</c>).</summary>
public enum ReplayState
{
    /// <summary>Each node's Clusdb: valid, corrupt, or empty (zero bytes or missing), for every node the snapshot gives a state.</summary>
    Clusdb,

    /// <summary>The newest checkpoint in the MSCS folder: consistent or not, and older than the last configuration change or not.</summary>
    NewestCheckpoint,
}
