namespace Diagnose.Rules.Model;

/// <summary>
/// A loaded, compiled rule: immutable, built once from its file. Patterns bind facts to slots in
/// order; actions run once per distinct match.
/// </summary>
public sealed record Rule
{
    /// <summary>The rule's id, unique in a rule set; conclusions, firing counts and <c>competes</c> refer to it.</summary>
    public required string Id { get; init; }

    /// <summary>A one-line human title, shown in catalogs and reports.</summary>
    public required string Title { get; init; }

    /// <summary>The knowledge article this rule proves or applies (may be empty for helper rules).</summary>
    public required string Kb { get; init; }

    /// <summary>Salience: higher fires first.</summary>
    public int Priority { get; init; }

    /// <summary>Free-form labels from the rule file's <c>tags</c>; listed in catalogs, not used in matching.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The <c>when</c> entries in order; each binds its slot of a match.</summary>
    public required IReadOnlyList<Pattern> Patterns { get; init; }

    /// <summary>The <c>then</c> entries, run once per distinct match.</summary>
    public required IReadOnlyList<RuleAction> Actions { get; init; }

    /// <summary>The file the rule came from, for messages.</summary>
    public required string Source { get; init; }

    /// <summary>Examples that must fire the rule and near misses that must not (see <c>rules test</c>).</summary>
    public IReadOnlyList<RuleExample> Examples { get; init; } = [];

    /// <summary>Facts that, when they match with the <c>when</c> match, rule the conclusion out (<c>unless</c>).</summary>
    public IReadOnlyList<ContradictingPattern> Unless { get; init; } = [];

    /// <summary>Optional evidence that raises the confidence (<c>corroborate</c>).</summary>
    public IReadOnlyList<CorroboratingPattern> Corroborate { get; init; } = [];

    /// <summary>Rules that explain the same symptoms, and what separates them (<c>competes</c>).</summary>
    public IReadOnlyList<CompetingCause> Competes { get; init; } = [];

    /// <summary>Facts of the match that must be in time order, weighed against the nodes' clocks after the run (<c>order</c>).</summary>
    public IReadOnlyList<OrderClaim> Order { get; init; } = [];

    /// <summary>The rule's diagnose action, if it has one (a rule has at most one).</summary>
    public ConcludeAction? Diagnosis => Actions.OfType<ConcludeAction>().FirstOrDefault(a => a.Kind == ConclusionKind.Diagnosis);

    /// <summary>Number of slots a match of this rule has: one per pattern, plus one per aggregate result.</summary>
    public int Slots
    {
        get => _slots ?? Patterns.Count;
        init => _slots = value;
    }

    private readonly int? _slots;
}
