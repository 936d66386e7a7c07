using System.Globalization;
using Diagnose.Core.Reports;

namespace Diagnose.Reports.Html.Layout;

/// <summary>
/// The cross-node timeline drawn from a report: one lane per node; evidence, derived facts, unexplained and
/// benign events, and the everyday events the engine kept around them; the whole span and the incident window
/// (the evidence and derived facts, with a margin).
/// </summary>
public sealed class TimelineModel
{
    private const string UnknownNode = "(node unknown)";

    public required IReadOnlyList<string> Lanes { get; init; }

    public required IReadOnlyList<TimelineItem> Items { get; init; }

    public TimeWindow? Whole { get; init; }

    public TimeWindow? Incident { get; init; }

    /// <summary>
    /// What was subtracted from each corrected node's logged times: its estimated skew, for the nodes the report's
    /// <c>clock</c> section marks <c>corrected</c> (README, "Time across nodes"). Empty when no clock was corrected.
    /// </summary>
    public IReadOnlyDictionary<string, TimeSpan> Corrections { get; init; } = new Dictionary<string, TimeSpan>();

    public static TimelineModel Build(AnalysisReport report)
    {
        // The rules compared facts on these corrected clocks; drawing the log's times would show another order.
        var corrections = (report.Clock?.Nodes ?? [])
            .Where(n => n.Corrected && n.Skew is not null)
            .ToDictionary(n => n.Node, n => TimeSpan.FromSeconds(n.Skew!.Value), StringComparer.Ordinal);
        var items = new List<TimelineItem>();
        var shown = new HashSet<string>(StringComparer.Ordinal);
        void Add(TimelineItemKind kind, string node, string? time, string label, string key)
        {
            if (Times.Parse(time) is { } t && shown.Add(kind + "|" + key))
            {
                // A derived fact's time is a fact's time, which the engine already corrected before the rules ran.
                var correction = kind != TimelineItemKind.Derived && corrections.TryGetValue(node, out var c) ? c : TimeSpan.Zero;
                items.Add(new TimelineItem(kind, node.Length == 0 ? UnknownNode : node, t - correction, label, key) { Logged = correction == TimeSpan.Zero ? null : t });
            }
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var diagnosis in report.Diagnoses)
        {
            foreach (var e in diagnosis.Evidence)
            {
                var key = EvidenceKeys.Of(e);
                keys.Add(key);
                Add(TimelineItemKind.Evidence, e.Node, e.Time, $"{diagnosis.Kb} evidence ({e.Role}): {e.Provider} {e.EventId} in {e.Source}", key);
            }

            // A derived fact is placed where it was concluded: its own node and time fields, when it has them.
            foreach (var (fact, index) in diagnosis.DerivedFacts.Select((f, i) => (f, i)))
            {
                var node = fact.Fields.TryGetValue("node", out var n) ? Convert.ToString(n, CultureInfo.InvariantCulture) ?? "" : "";
                var time = fact.Fields.TryGetValue("time", out var t) ? Convert.ToString(t, CultureInfo.InvariantCulture) : null;
                Add(TimelineItemKind.Derived, node, time, $"derived {fact.Type} by {fact.Rule}", $"{diagnosis.Rule}|derived {index}");
            }
        }

        foreach (var e in report.Unexplained)
        {
            keys.Add(EvidenceKeys.Of(e));
            Add(TimelineItemKind.Unexplained, e.Node, e.Time, $"unexplained: {e.Provider} {e.EventId} in {e.Source}", EvidenceKeys.Of(e));
        }

        foreach (var e in report.Benign)
        {
            keys.Add(EvidenceKeys.Of(e));
            Add(TimelineItemKind.Benign, e.Node, e.Time, $"benign: {e.Provider} {e.EventId} in {e.Source}", EvidenceKeys.Of(e));
        }

        foreach (var e in (report.Context ?? []).Where(c => !keys.Contains(EvidenceKeys.Of(c))))
        {
            Add(TimelineItemKind.Context, e.Node, e.Time, $"{e.Provider} {e.EventId} in {e.Source}", EvidenceKeys.Of(e));
        }

        var lanes = items.Select(i => i.Lane).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var focus = items.Where(i => i.Kind is TimelineItemKind.Evidence or TimelineItemKind.Derived).Select(i => i.Time);
        return new TimelineModel
        {
            Lanes = lanes,
            Items = items,
            Whole = TimeWindow.Around(items.Select(i => i.Time), TimeSpan.FromMinutes(1)),
            Incident = TimeWindow.Around(focus, TimeSpan.FromSeconds(30)),
            Corrections = corrections,
        };
    }
}
