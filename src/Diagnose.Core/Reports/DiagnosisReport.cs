using Newtonsoft.Json;

namespace Diagnose.Core.Reports;

/// <summary>One root cause found: the rule that proved it, its article, the evidence and the fix.</summary>
public sealed class DiagnosisReport
{
    /// <summary>The rule that proved it.</summary>
    public required string Rule { get; init; }

    /// <summary>The article the rule concludes.</summary>
    public required string Kb { get; init; }

    /// <summary>The article's title.</summary>
    public required string Title { get; init; }

    /// <summary>The root cause in words, with the incident's values filled in.</summary>
    public required string RootCause { get; init; }

    /// <summary>Confidence from 0 to 1 (see <see cref="ConfidenceBasis"/>).</summary>
    public double Confidence { get; init; }

    /// <summary>An incident to repair, or lower-severity advice about a standing risk.</summary>
    public Severity Severity { get; init; } = Severity.Incident;

    /// <summary>How the confidence was reached (see README, "Confidence").</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public ConfidenceBasis? ConfidenceBasis { get; init; }

    /// <summary>Other diagnoses of this report that compete for the same symptoms; absent when none do.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public List<CompetingReport>? Competing { get; set; }

    /// <summary>The cross-node orders the diagnosis rests on, weighed against the clocks; absent when the rule orders nothing across nodes.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public List<OrderReport>? Order { get; init; }

    /// <summary>The nodes the evidence came from.</summary>
    public List<string> Nodes { get; init; } = [];

    /// <summary>The events and observations the rule matched.</summary>
    public List<EvidenceItem> Evidence { get; init; } = [];

    /// <summary>Facts other rules derived on the way to this conclusion, with the rule that made each.</summary>
    public List<DerivedFactReport> DerivedFacts { get; init; } = [];

    /// <summary>The article's fix plan and its validation verdict; absent when the article gives none.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public FixReport? Fix { get; init; }
}
