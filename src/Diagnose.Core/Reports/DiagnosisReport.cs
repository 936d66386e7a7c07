using Newtonsoft.Json;

namespace Diagnose.Core.Reports;

/// <summary>One root cause found: the rule that proved it, its article, the evidence and the fix.</summary>
public sealed class DiagnosisReport
{
    public required string Rule { get; init; }

    public required string Kb { get; init; }

    public required string Title { get; init; }

    public required string RootCause { get; init; }

    public double Confidence { get; init; }

    /// <summary>An incident to repair, or lower-severity advice about a standing risk.</summary>
    public Severity Severity { get; init; } = Severity.Incident;

    /// <summary>How the confidence was reached (see README, "Confidence").</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public ConfidenceBasis? ConfidenceBasis { get; init; }

    /// <summary>Other diagnoses of this report that compete for the same symptoms; absent when none do.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public List<CompetingReport>? Competing { get; set; }

    public List<string> Nodes { get; init; } = [];

    public List<EvidenceItem> Evidence { get; init; } = [];

    /// <summary>Facts other rules derived on the way to this conclusion, with the rule that made each.</summary>
    public List<DerivedFactReport> DerivedFacts { get; init; } = [];

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public FixReport? Fix { get; init; }
}
