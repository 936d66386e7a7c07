namespace Diagnose.Knowledge.Articles;

/// <summary>
/// A run of the simulated cluster an article declares: its incident, a named variant of it, or a healthy
/// control. <see cref="Id"/> is the name <c>diagnose simulate</c> and <c>POST /api/validate</c> use. The incident is
/// written as data: the <see cref="Cluster"/> it starts from, its <see cref="Roles"/> and the <see cref="Operations"/>
/// that lead to it, named like plan steps; or <see cref="OneOf"/> names incidents of the same article the seed picks from.
/// </summary>
public sealed record Incident
{
    /// <summary>The run's name, unique across all articles (case-insensitive).</summary>
    public required string Id { get; init; }

    /// <summary>The cluster the run starts from; null when <see cref="OneOf"/> names the situations instead.</summary>
    public IncidentCluster? Cluster { get; init; }

    /// <summary>The node placeholders the operations use (<c>{olderNode}</c>), each filled by the seed or, in a replay, by the diagnosis.</summary>
    public IReadOnlyList<IncidentRole> Roles { get; init; } = [];

    /// <summary>Placeholders for several names at once: nodes but some roles, or listed groups.</summary>
    public IReadOnlyList<IncidentSet> Sets { get; init; } = [];

    /// <summary>Placeholders for one group of several, picked by the seed or, in a replay, by the diagnosis.</summary>
    public IReadOnlyList<IncidentChoice> Choices { get; init; } = [];

    /// <summary>What happened, in order: named operations of <see cref="Articles.Operations"/> with placeholders for the roles and <c>{nodes}</c>.</summary>
    public IReadOnlyList<PlanStep> Operations { get; init; } = [];

    /// <summary>
    /// What some runs go on to do after the incident (the fix a log may record): the seed decides whether all of them
    /// run; a run that stops at the incident and a replay of a diagnosis never run them.
    /// </summary>
    public IReadOnlyList<PlanStep> FollowUp { get; init; } = [];

    /// <summary>What the run shows, in a sentence.</summary>
    public required string Description { get; init; }

    /// <summary>True when the run must give this article's diagnosis; false for a healthy control that must give none.</summary>
    public bool Diagnosed { get; init; }

    /// <summary>
    /// The evidence a replay of a diagnosis must show again: for each fact type the diagnosis rests on, an event
    /// the replay logs on the same node with the same values of these fields. A replay that does not is "diagnosis suspect".
    /// </summary>
    public IReadOnlyList<ReplayEvidence> Reproduces { get; init; } = [];

    /// <summary>
    /// Situations the seed picks one of (kb/ <c>incidents[].oneOf</c>, other incidents of the article written as
    /// operations); a replay of a diagnosis takes the first whose roles the evidence fills and whose replay shows it.
    /// </summary>
    public IReadOnlyList<Incident> OneOf { get; init; } = [];

    /// <summary>Simulator assumptions (by name, see <see cref="SimulatorAssumptions"/>) this incident switches on or off.</summary>
    public IReadOnlyDictionary<string, bool> Assumptions { get; init; } = new Dictionary<string, bool>();
}
