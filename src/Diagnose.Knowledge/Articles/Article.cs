namespace Diagnose.Knowledge.Articles;

/// <summary>
/// One knowledge article as structured data in our own words: what it applies to, the symptoms
/// (events and other observations), the cause, the fix plans as named operations, the article's
/// warnings as anti-plans, events expected after the fix, and references.
/// </summary>
public sealed record Article
{
    /// <summary>The article's number as cited; unique across the knowledge base and matched case-insensitively.</summary>
    public required string Id { get; init; }

    /// <summary>The article's title, as <c>GET /api/kb</c> lists it.</summary>
    public required string Title { get; init; }

    /// <summary>What the article is about, in a sentence or two of our own.</summary>
    public required string Summary { get; init; }

    /// <summary>The products and configurations the article covers, in words (operating systems, resources).</summary>
    public IReadOnlyList<string> AppliesTo { get; init; } = [];

    /// <summary>The events the article names as symptoms, with what each means.</summary>
    public IReadOnlyList<SymptomEvent> SymptomEvents { get; init; } = [];

    /// <summary>Symptoms that are not events (what an administrator sees), in words.</summary>
    public IReadOnlyList<string> Observations { get; init; } = [];

    /// <summary>Why the problem happens, in our own words.</summary>
    public required string Cause { get; init; }

    /// <summary>The fixes the article advises, each an ordered list of named operations the simulator validates.</summary>
    public IReadOnlyList<FixPlan> Plans { get; init; } = [];

    /// <summary>What the article warns against, written as plans so the simulator can show that they fail.</summary>
    public IReadOnlyList<FixPlan> AntiPlans { get; init; } = [];

    /// <summary>Events that are expected once the fix is applied, with when and why, so a report does not take them for a new problem.</summary>
    public IReadOnlyList<ExpectedEvent> ExpectedAfterFix { get; init; } = [];

    /// <summary>Other articles and documents the article points to.</summary>
    public IReadOnlyList<Reference> References { get; init; } = [];

    /// <summary>The simulated runs this article declares: its incident, named variants and healthy controls.</summary>
    public IReadOnlyList<Incident> Incidents { get; init; } = [];

    /// <summary>The <c>kb/*.json</c> file the article was loaded from.</summary>
    public required string Source { get; init; }

    /// <summary>The plan (not anti-plan) with that id (case-sensitive), or null.</summary>
    public FixPlan? Plan(string id) => Plans.FirstOrDefault(p => p.Id == id);

    /// <summary>The incident a plan or anti-plan is validated on when no diagnosis gives one: the one it names, else the article's first diagnosed incident.</summary>
    public Incident? IncidentOf(FixPlan plan) => plan.Incident is { } id
        ? Incidents.FirstOrDefault(i => string.Equals(i.Id, id, StringComparison.OrdinalIgnoreCase))
        : Incidents.FirstOrDefault(i => i.Diagnosed);
}
