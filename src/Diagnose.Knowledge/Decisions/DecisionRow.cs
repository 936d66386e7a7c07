namespace Diagnose.Knowledge.Decisions;

/// <summary>One situation an article distinguishes: the inputs that define it, what follows, and the sentence it rests on.</summary>
public sealed record DecisionRow
{
    /// <summary>The row's id, unique across all decision tables (case-insensitive).</summary>
    public required string Id { get; init; }

    /// <summary>The situation the row distinguishes, in a sentence.</summary>
    public required string Situation { get; init; }

    /// <summary>The inputs that define the situation, in words.</summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];

    /// <summary>What follows from the situation: a diagnosis (with its rule and plan), a finding, no incident, or undetermined.</summary>
    public required RowOutcome Outcome { get; init; }

    /// <summary>The confidence the row's diagnosis is expected to get when every deciding input is given; null for no incident.</summary>
    public double? Confidence { get; init; }

    /// <summary>The article section the row rests on.</summary>
    public required string Section { get; init; }

    /// <summary>Our own words for the sentence the row rests on.</summary>
    public required string Paraphrase { get; init; }

    /// <summary>What the report asks for when a deciding input is missing.</summary>
    public IReadOnlyList<string> Collect { get; init; } = [];

    /// <summary>The row's test inputs: at least one positive, one near-miss and one contradicting case.</summary>
    public IReadOnlyList<DecisionCase> Cases { get; init; } = [];

    /// <summary>The line of the row in its decision-table file, for messages.</summary>
    public int Line { get; init; }
}
