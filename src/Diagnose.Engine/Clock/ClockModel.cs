using Diagnose.Analysis;
using Diagnose.Core.Reports;
using Diagnose.Rules.Evidence;

namespace Diagnose.Clock;

/// <summary>
/// Every node's clock relative to one reference node: the pair estimates chained outward from the reference
/// (skews add, and so do uncertainties). A node whose estimated skew exceeds its uncertainty has its facts'
/// times corrected by that skew before the rules run; otherwise its times stay as read and the skew counts in
/// its uncertainty. The reference is a node whose log records UTC if one has markers, else one with a given
/// offset, else the first by name.
/// </summary>
internal sealed class ClockModel : IClockModel
{
    public const string Method =
        "Clock markers (events both nodes of a pair log about each other at nearly the same moment, marked 'clock' in the event catalog) " +
        "are paired across nodes; the skew is the one most pairs agree on, narrowed to where every pair's latency interval overlaps; " +
        "skews are chained from the reference node, and a node whose skew exceeds its uncertainty has its facts' times corrected before the rules run.";

    private readonly Dictionary<string, (TimeSpan Skew, TimeSpan Uncertainty, string Basis)> _estimated = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, (TimeSource Source, TimeSpan Offset)> _zones;
    private readonly List<PairEstimate> _pairs;
    private readonly List<string> _notes;

    public ClockModel(IReadOnlyList<MarkerObservation> markers, IReadOnlyDictionary<string, (TimeSource Source, TimeSpan Offset)> zones)
    {
        _zones = zones;
        (_pairs, _notes) = ClockEstimator.Estimate(markers);
        var linked = _pairs.SelectMany(p => new[] { p.First, p.Second }).Distinct(StringComparer.Ordinal).ToList();
        Reference = linked
            .OrderBy(n => zones.TryGetValue(n, out var z) ? z.Source : TimeSource.Assumed)
            .ThenBy(n => n, StringComparer.Ordinal)
            .FirstOrDefault();
        if (Reference is null)
        {
            return;
        }

        _estimated[Reference] = (TimeSpan.Zero, TimeSpan.Zero, "the reference clock");
        var queue = new Queue<string>([Reference]);
        while (queue.TryDequeue(out var from))
        {
            var (skew, uncertainty, _) = _estimated[from];
            foreach (var pair in _pairs.Where(p => p.First == from || p.Second == from).OrderBy(p => p.Uncertainty))
            {
                var (to, step) = pair.First == from ? (pair.Second, pair.Skew) : (pair.First, -pair.Skew);
                if (_estimated.ContainsKey(to))
                {
                    continue;
                }

                var total = skew + step;
                var spread = uncertainty + pair.Uncertainty;
                var corrected = total.Duration() > spread;
                var via = from == Reference ? "" : $" via {from}";
                _estimated[to] = (total, spread,
                    $"{(total < TimeSpan.Zero ? "behind" : "ahead of")} {Reference} by {OrderAssessor.Span(total.Duration())} ± {OrderAssessor.Span(spread)}{via} from clock markers{(corrected ? ", corrected" : ", not corrected (within its uncertainty)")}");
                queue.Enqueue(to);
            }
        }

        var unlinked = zones.Keys.Where(n => !_estimated.ContainsKey(n)).Order(StringComparer.Ordinal).ToList();
        if (unlinked.Count > 0)
        {
            _notes.Add($"no clock markers pair {string.Join(", ", unlinked)} with {Reference}: {(unlinked.Count == 1 ? "its" : "their")} clock is not compared, and orders across it assume the clocks agree");
        }
    }

    /// <summary>The node skews are relative to, or null when no two nodes were compared.</summary>
    public string? Reference { get; }

    /// <summary>What is subtracted from a node's fact times before the rules run: its skew when the skew exceeds its uncertainty.</summary>
    public TimeSpan Correction(string? node) =>
        node is not null && _estimated.TryGetValue(node, out var e) && e.Skew.Duration() > e.Uncertainty ? e.Skew : TimeSpan.Zero;

    public NodeClock? Of(string node)
    {
        if (!_estimated.TryGetValue(node, out var e))
        {
            return null;
        }

        var correction = Correction(node);
        // A skew left uncorrected stays in the uncertainty.
        var uncertainty = correction == TimeSpan.Zero ? e.Skew.Duration() + e.Uncertainty : e.Uncertainty;
        return new NodeClock(correction, uncertainty, e.Basis);
    }

    public ClockReport Report()
    {
        var nodes = _zones.Keys.Concat(_estimated.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return new ClockReport
        {
            Reference = Reference,
            Method = Method,
            Nodes = nodes.Select(node =>
            {
                var zone = _zones.TryGetValue(node, out var z) ? z : (Source: TimeSource.Log, Offset: TimeSpan.Zero);
                var estimated = _estimated.TryGetValue(node, out var e);
                return new NodeClockReport
                {
                    Node = node,
                    Source = zone.Source.ToString().ToLowerInvariant(),
                    Offset = zone.Source == TimeSource.Log ? null : UtcOffsets.Format(zone.Offset),
                    Skew = estimated ? Math.Round(e.Skew.TotalSeconds, 3) : null,
                    Uncertainty = estimated ? Math.Round(e.Uncertainty.TotalSeconds, 3) : null,
                    Corrected = Correction(node) != TimeSpan.Zero,
                };
            }).ToList(),
            Pairs = _pairs.Select(p => new ClockPairReport
            {
                First = p.First,
                Second = p.Second,
                Skew = Math.Round(p.Skew.TotalSeconds, 3),
                Uncertainty = Math.Round(p.Uncertainty.TotalSeconds, 3),
                Markers = p.Pairs.Count,
                Basis = p.Basis,
                Evidence = EvidenceItems.Of(p.Pairs.SelectMany(x => new[] { x.First, x.Second }), "clock"),
            }).ToList(),
            Notes = _notes,
        };
    }
}
