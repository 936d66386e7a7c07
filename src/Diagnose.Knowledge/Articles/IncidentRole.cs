namespace Diagnose.Knowledge.Articles;

/// <summary>
/// A node an incident's operations name by a placeholder (<c>{olderNode}</c>): a different node for each role, picked by
/// the seed when simulated; in a replay of a diagnosis, the node where the diagnosis saw <see cref="SeenIn"/> (a fact
/// type), else the next node not yet given a role.
/// </summary>
public sealed record IncidentRole(string Name, string? SeenIn);
