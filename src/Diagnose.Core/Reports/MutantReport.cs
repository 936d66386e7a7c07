using Newtonsoft.Json;

namespace Diagnose.Core.Reports;

/// <summary>
/// One mutant of a documented plan (<c>diagnose validate --mutants</c>): the plan with step <see cref="Step"/> removed, or
/// with steps <see cref="Swap"/> exchanged, validated on the same incident with the same faults. A removal that still
/// validates shows a redundant step, unless the step carries a <see cref="Precaution"/> from kb/.
/// </summary>
public sealed class MutantReport
{
    /// <summary>The removed step's number (1-based, as in the article), or null for a swap.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public int? Step { get; init; }

    /// <summary>The two adjacent steps exchanged, or null for a removal.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public IReadOnlyList<int>? Swap { get; init; }

    /// <summary>The mutant's verdict.</summary>
    public required Verdict Verdict { get; init; }

    /// <summary>The goal the mutant broke (refuted).</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Invariant { get; init; }

    /// <summary>Why it broke, or why it could not be run.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Reason { get; init; }

    /// <summary>For a removal that still validates: the step's precaution from kb/ (why it stays).</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public string? Precaution { get; init; }
}
