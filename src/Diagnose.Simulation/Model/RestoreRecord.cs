namespace Diagnose.Simulation.Model;

/// <summary>An online restore of a service's database, as the backup program's job log records it (the snapshot's <c>restores[]</c>).</summary>
public sealed record RestoreRecord(string Node, string Service, DateTime FinishedAt, bool StartServicesAfterRestore);
