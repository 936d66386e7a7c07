namespace Diagnose.Knowledge.Articles;

/// <summary>
/// A placeholder of an incident for one of several groups (kb/ <c>incidents[].choices</c>): the seed picks one of
/// <see cref="Groups"/> when simulated; a replay of a diagnosis takes the group with a resource that opens the database
/// named by field <see cref="DatabaseIn"/> of the diagnosis' <see cref="SeenIn"/> fact (for example the failing
/// JetLogUnreadable's <c>instance</c>).
/// </summary>
public sealed record IncidentChoice(string Name, IReadOnlyList<string> Groups, string? SeenIn, string? DatabaseIn);
