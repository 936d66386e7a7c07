namespace Diagnose.Knowledge.Decisions;

/// <summary>An article's decision table (<c>kb/&lt;article&gt;.decisions.json</c>): the situations it distinguishes, each tested.</summary>
public sealed record DecisionTable
{
    /// <summary>The id of the article whose situations the table holds.</summary>
    public required string Article { get; init; }

    /// <summary>The situations, in file order.</summary>
    public IReadOnlyList<DecisionRow> Rows { get; init; } = [];

    /// <summary>The file the table was read from.</summary>
    public required string File { get; init; }
}
