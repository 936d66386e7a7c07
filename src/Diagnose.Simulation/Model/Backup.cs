namespace Diagnose.Simulation.Model;

/// <summary>A backup on tape: a JET database at a format, or a Clusdb/checkpoint hive at a configuration version.</summary>
public sealed record Backup(string What, int Version, DateTime TakenAt);
