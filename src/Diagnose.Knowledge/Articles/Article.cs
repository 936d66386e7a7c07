namespace Diagnose.Knowledge.Articles;

/// <summary>
/// One knowledge article as structured data in our own words: what it applies to, the symptoms
/// (events and other observations), the cause, the fix plans as named operations, the article's
/// warnings as anti-plans, events expected after the fix, and references.
/// </summary>
public sealed record Article
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string Summary { get; init; }

    public IReadOnlyList<string> AppliesTo { get; init; } = [];

    public IReadOnlyList<SymptomEvent> SymptomEvents { get; init; } = [];

    public IReadOnlyList<string> Observations { get; init; } = [];

    public required string Cause { get; init; }

    public IReadOnlyList<FixPlan> Plans { get; init; } = [];

    public IReadOnlyList<FixPlan> AntiPlans { get; init; } = [];

    public IReadOnlyList<ExpectedEvent> ExpectedAfterFix { get; init; } = [];

    public IReadOnlyList<Reference> References { get; init; } = [];

    /// <summary>The simulated runs this article declares: its incident, named variants and healthy controls.</summary>
    public IReadOnlyList<Incident> Incidents { get; init; } = [];

    public required string Source { get; init; }

    public FixPlan? Plan(string id) => Plans.FirstOrDefault(p => p.Id == id);

    /// <summary>The incident a plan or anti-plan is validated on when no diagnosis gives one: the one it names, else the article's first diagnosed incident.</summary>
    public Incident? IncidentOf(FixPlan plan) => plan.Incident is { } id
        ? Incidents.FirstOrDefault(i => string.Equals(i.Id, id, StringComparison.OrdinalIgnoreCase))
        : Incidents.FirstOrDefault(i => i.Diagnosed);
}
