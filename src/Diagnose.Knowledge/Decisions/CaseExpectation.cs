namespace Diagnose.Knowledge.Decisions;

/// <summary>What the report of one case must show.</summary>
public sealed record CaseExpectation
{
    /// <summary>Diagnoses that must be reported (any others are allowed unless <see cref="Only"/>).</summary>
    public IReadOnlyList<ExpectedDiagnosis> Diagnoses { get; init; } = [];

    /// <summary>When true, the report holds exactly <see cref="Diagnoses"/> and nothing else (an empty list: no diagnosis at all).</summary>
    public bool Only { get; init; }

    /// <summary>Rules that must not give a diagnosis.</summary>
    public IReadOnlyList<string> Absent { get; init; } = [];

    /// <summary>Candidates the report must list as ruled out, each with a piece of the reason.</summary>
    public IReadOnlyList<ExpectedRuledOut> RuledOut { get; init; } = [];

    /// <summary>Pieces of text that some <c>collect[]</c> entry (what, command or because) must contain, each.</summary>
    public IReadOnlyList<string> Collect { get; init; } = [];

    /// <summary>Events <c>benign[]</c> must list (marked harmless by a rule).</summary>
    public IReadOnlyList<ExpectedListedEvent> Benign { get; init; } = [];

    /// <summary>Events <c>unexplained[]</c> must list (no diagnosis used them and no rule called them harmless).</summary>
    public IReadOnlyList<ExpectedListedEvent> Unexplained { get; init; } = [];
}
