namespace Diagnose.Simulation.Scenarios;

/// <summary>How far a KB293302 run goes.</summary>
internal enum JetRollingUpgradeStage
{
    /// <summary>Every node still runs Windows 2000 (where a rolling upgrade starts).</summary>
    BeforeUpgrade,

    /// <summary>A Windows Server 2003 node converted the database, then the group moved back to a Windows 2000 node.</summary>
    Incident,

    /// <summary>The rolling upgrade done in the article's order: the database is converted once and never goes back.</summary>
    Healthy,
}
