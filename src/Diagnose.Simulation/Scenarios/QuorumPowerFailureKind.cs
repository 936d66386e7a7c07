namespace Diagnose.Simulation.Scenarios;

/// <summary>Which of Q217147's situations a run ends in.</summary>
internal enum QuorumPowerFailureKind
{
    /// <summary>Clusdb lost on every node after a long run; the newest checkpoint is consistent.</summary>
    ClusdbDamaged,

    /// <summary>No checkpoint while every node ran and changes were made; some nodes lost Clusdb, others kept it.</summary>
    Outdated,

    /// <summary>The power failed while a checkpoint was written; some nodes loaded it and damaged Clusdb.</summary>
    Inconsistent,

    /// <summary>Every Clusdb is damaged and the newest checkpoint is inconsistent.</summary>
    AllDamaged,

    /// <summary>The article's outdated case as written: both Clusdb copies valid, the first node formed from the outdated checkpoint.</summary>
    OutdatedBothValid,

    /// <summary>An NT4 SP4 cluster running normally after days of changes, before any power failure.</summary>
    Running,

    /// <summary>Healthy: SP5 nodes after the same power failure form with the newest configuration.</summary>
    Healthy,
}
