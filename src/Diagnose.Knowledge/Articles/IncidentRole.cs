namespace Diagnose.Knowledge.Articles;

/// <summary>
/// A node an incident's operations name by a placeholder (<c>{olderNode}</c>): a different node for each role, picked by
/// the seed when simulated; in a replay of a diagnosis, the node where the diagnosis saw <see cref="SeenIn"/> (a fact
/// type) and that no earlier role took, else the node the snapshot says <see cref="Runs"/> (an operating system), else
/// the next node not yet given a role. A role with <see cref="SeenIn"/> or <see cref="Runs"/> that the diagnosis does not
/// place makes the replay impossible (the plan is not validated).
/// </summary>
public sealed record IncidentRole(string Name, string? SeenIn, string? Runs = null);
