namespace Diagnose.Knowledge.Articles;

/// <summary>
/// An ordered list of named operations a person performs. A plan is the article's advice; an
/// anti-plan is what the article warns against, kept so the simulator can show why it fails.
/// </summary>
public sealed record FixPlan
{
    /// <summary>The plan's id within its article, which rules and diagnoses cite.</summary>
    public required string Id { get; init; }

    /// <summary>What the plan does, in a line.</summary>
    public required string Title { get; init; }

    /// <summary>When this plan applies (e.g. which recovery path), in a sentence.</summary>
    public string? AppliesWhen { get; init; }

    /// <summary>For an anti-plan: the warning in the article it stands for.</summary>
    public string? Warning { get; init; }

    /// <summary>The article's incident (by id) this plan is validated on when no diagnosis gives one; null for the article's first diagnosed incident.</summary>
    public string? Incident { get; init; }

    /// <summary>The operations, in the order a person performs them.</summary>
    public required IReadOnlyList<PlanStep> Steps { get; init; }
}
