namespace Diagnose.Knowledge.Articles;

/// <summary>
/// A placeholder of an incident that stands for several names, so a step naming it repeats once per name (kb/
/// <c>incidents[].sets</c>): every node but the <see cref="NodesExcept"/> roles (<c>{olderNodes}</c>), or the
/// <see cref="Groups"/> listed (<c>{group}</c>). Exactly one of the two is given.
/// </summary>
public sealed record IncidentSet(string Name, IReadOnlyList<string>? NodesExcept, IReadOnlyList<string>? Groups);
