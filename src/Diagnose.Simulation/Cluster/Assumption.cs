namespace Diagnose.Simulation.Cluster;

/// <summary>
/// Behaviour the simulator needs but no article or public Microsoft document states. Each is on by default, can be
/// switched off (<see cref="ClusterSimulator.AssumptionsOff"/>), and is recorded in <see cref="ClusterSimulator.AssumptionsUsed"/>
/// whenever it changed what happened, so a verdict can say which assumptions it rests on.
/// </summary>
public enum Assumption
{
    /// <summary>
    /// Q217147 names "a relatively long period of cluster activity" before both nodes lose power as what empties Clusdb,
    /// but gives no length: taken as longer than the default checkpoint interval (4 hours), the period SP5's periodic
    /// checkpoints bound. Off: every member's Clusdb may be damaged whenever every member loses power at once.
    /// </summary>
    LongRunIsOneCheckpointInterval,

    /// <summary>
    /// The cluster service cannot arbitrate or join while ClusDisk is not loaded: inferred from Q217147's procedure,
    /// which starts ClusDisk before the service (steps 8a, 8b). Off: the service starts without ClusDisk.
    /// </summary>
    ClusterServiceNeedsClusDisk,

    /// <summary>
    /// Forming from Clusdb creates a new quolog.log (Q217147 startup step 9b); the article does not say what happens to
    /// a tombstone then: taken as removed with the old log. Off: the tombstone stays, and every later form uses Clusdb.
    /// </summary>
    NewQuorumLogClearsTombstone,

    /// <summary>
    /// A new checkpoint leaves the older Chk&lt;n&gt;.tmp files in the MSCS folder: Q217147 speaks of copying "the latest
    /// checkpoint file, or another valid checkpoint file", but no document says how many Windows keeps. Off: writing a
    /// checkpoint deletes the older ones.
    /// </summary>
    OlderCheckpointsStay,
}
