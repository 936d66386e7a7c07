using Newtonsoft.Json;

namespace Diagnose.Core.Reports;

/// <summary>
/// Asked-for explanation of a rule (directly or through its article): whether it fired, and if not, the
/// pattern where its matches stopped and why, then how far the matches got pattern by pattern.
/// </summary>
public sealed class WhyNotItem
{
    /// <summary>The rule explained.</summary>
    public required string Rule { get; init; }

    /// <summary>The rule's article.</summary>
    public required string Kb { get; init; }

    /// <summary>How many times the rule fired in this analysis (0 for a rule that did not).</summary>
    public int Fired { get; init; }

    /// <summary>The pattern that had no match, or null when the rule fired or its matches were withdrawn.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public WhyNotPattern? StoppedAt { get; init; }

    /// <summary>Why, in words: which pattern had no match and what it needed, or how often the rule fired.</summary>
    public required string Reason { get; init; }

    /// <summary>When the rule fired but every conclusion was ruled out by an <c>unless</c> entry: the reasons.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? RuledOut { get; init; }

    /// <summary>How far the matches got, pattern by pattern.</summary>
    public List<WhyNotPattern> Patterns { get; init; } = [];
}
