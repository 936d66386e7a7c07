namespace Diagnose.Knowledge.Articles;

/// <summary>
/// A resource of an incident's cluster: its name and type, the service it runs, the JET database it opens (by
/// instance) and the catalogued event its service logs when it cannot come online (by catalog name).
/// </summary>
public sealed record IncidentResource(string Name, string Type, string? Service, string? Database, string? FailedEvent);
