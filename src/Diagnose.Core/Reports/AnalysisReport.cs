using Newtonsoft.Json;

namespace Diagnose.Core.Reports;

/// <summary>
/// The result of one analysis, shaped exactly as the output contract (DESIGN.md): the same object is
/// printed by the CLI, returned by the REST service and handed to library callers.
/// </summary>
public sealed class AnalysisReport
{
    /// <summary>Every input in the order read: format, counts and problems.</summary>
    public List<InputReport> Inputs { get; } = [];

    /// <summary>The root causes found, each with its evidence and fix.</summary>
    public List<DiagnosisReport> Diagnoses { get; } = [];

    /// <summary>Events a rule recognised as harmless, with the reason.</summary>
    public List<EventReference> Benign { get; } = [];

    /// <summary>Events of the catalog that no diagnosis or benign rule explained.</summary>
    public List<EventReference> Unexplained { get; } = [];

    /// <summary>Candidate causes whose rule matched but that other evidence contradicts, with the reason and that evidence.</summary>
    public List<RuledOutReport> RuledOut { get; } = [];

    /// <summary>What to collect so the rules could decide: missing corroboration, and logs or a snapshot the close rules needed.</summary>
    public List<CollectReport> Collect { get; } = [];

    /// <summary>Each node's UTC offset and its source, and the clock skews estimated between nodes (absent when no input had records).</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public ClockReport? Clock { get; set; }

    /// <summary>Only when asked for (<c>--why-not</c>): for each named rule or every rule of a named article, why it did (not) fire.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public List<WhyNotItem>? WhyNot { get; set; }

    /// <summary>Other events for the timeline (the first of each provider and ID per node, at most a bounded number).</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public List<ContextEvent>? Context { get; set; }
}
