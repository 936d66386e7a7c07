namespace Diagnose.Knowledge.Articles;

/// <summary>
/// The cluster an incident written as operations starts from (kb/ <c>incidents[].cluster</c>): the operating system
/// every node runs, the groups with their resources, the JET databases on the shared disk, and when the run starts.
/// </summary>
public sealed record IncidentCluster(string Os, IReadOnlyList<IncidentGroup> Groups, IReadOnlyList<IncidentDatabase> Databases, DateTime Start);
