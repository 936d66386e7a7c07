namespace Diagnose.Knowledge.Articles;

/// <summary>A JET database on the shared disk, written in the format of the cluster's starting operating system.</summary>
public sealed record IncidentDatabase(string Instance, string Path);
