using Diagnose.Rules.Evidence;

namespace Diagnose.Clock;

/// <summary>
/// Estimates the skew between each two nodes from clock markers (events both log at nearly the same moment, each
/// naming the other). Every marker of A naming B is paired with B's markers naming A that have the same key; each
/// pairing gives a candidate skew d = B's time − A's time. The skew is the one most pairings agree on (within the
/// markers' latency), each marker used once. Each agreeing pair says the true skew lies within d ± latency; the
/// estimate is the middle of the intersection of those intervals and the uncertainty its half-width. Pairs that
/// disagree beyond the latency (a drifting clock) give their median and their spread plus the latency instead.
/// </summary>
internal static class ClockEstimator
{
    // Bounds the pairings per node pair (n × m) so a flapping network's thousands of markers stay cheap.
    private const int MaxMarkersPerSide = 256;

    public static (List<PairEstimate> Estimates, List<string> Notes) Estimate(IReadOnlyList<MarkerObservation> markers)
    {
        var estimates = new List<PairEstimate>();
        var notes = new List<string>();
        var nodes = markers.Select(m => m.Node).Concat(markers.Select(m => m.Peer)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (var first in nodes)
        {
            foreach (var second in nodes.Where(n => string.CompareOrdinal(n, first) > 0))
            {
                var a = Side(markers, first, second);
                var b = Side(markers, second, first);
                if (a.Count == 0 && b.Count == 0)
                {
                    continue;
                }

                if (a.Count == 0 || b.Count == 0)
                {
                    var (has, lacks) = a.Count > 0 ? (first, second) : (second, first);
                    notes.Add($"{has} logs {Math.Max(a.Count, b.Count)} clock marker(s) naming {lacks}, but no input has {lacks}'s markers naming {has} (its System log was not supplied, or it was down): {first} and {second} are not compared");
                    continue;
                }

                if (Pair(first, second, a, b, notes) is { } estimate)
                {
                    estimates.Add(estimate);
                }
            }
        }

        return (estimates, notes);
    }

    private static List<MarkerObservation> Side(IReadOnlyList<MarkerObservation> markers, string node, string peer) =>
        markers.Where(m => m.Node == node && m.Peer == peer).OrderBy(m => m.Time).Take(MaxMarkersPerSide).ToList();

    private static PairEstimate? Pair(string first, string second, List<MarkerObservation> a, List<MarkerObservation> b, List<string> notes)
    {
        var candidates = (from x in a
                          from y in b
                          where x.Key == y.Key && x.Event == y.Event
                          select (X: x, Y: y, D: y.Time - x.Time, W: x.Within > y.Within ? x.Within : y.Within))
                         .OrderBy(c => c.D)
                         .ToList();
        if (candidates.Count == 0)
        {
            notes.Add($"{first} and {second} log markers naming each other, but none of the same event and key (network, state): not compared");
            return null;
        }

        // The window of width 2 × latency that holds the most candidates; a tie between windows far apart is ambiguous.
        var best = new List<int>();
        var bestCount = 0;
        for (var i = 0; i < candidates.Count; i++)
        {
            var count = candidates.Skip(i).TakeWhile(c => c.D <= candidates[i].D + 2 * candidates[i].W).Count();
            if (count > bestCount)
            {
                (bestCount, best) = (count, [i]);
            }
            else if (count == bestCount)
            {
                best.Add(i);
            }
        }

        var starts = best.Select(i => candidates[i]).ToList();
        if (starts.Any(s => s.D - starts[0].D > 2 * (s.W + starts[0].W)))
        {
            notes.Add($"{first} and {second}: their markers pair up equally well at skews {string.Join(" and ", starts.Select(s => OrderAssessor.Span(s.D, signed: true)).Distinct())}: the skew is ambiguous and not used");
            return null;
        }

        var start = starts[0];
        var window = candidates.Where(c => c.D >= start.D && c.D <= start.D + 2 * start.W).ToList();
        var middle = window[window.Count / 2].D;
        var usedX = new HashSet<MarkerObservation>();
        var usedY = new HashSet<MarkerObservation>();
        var matched = new List<(MarkerObservation X, MarkerObservation Y, TimeSpan D, TimeSpan W)>();
        foreach (var c in window.OrderBy(c => (c.D - middle).Duration()))
        {
            if (!usedX.Contains(c.X) && !usedY.Contains(c.Y))
            {
                usedX.Add(c.X);
                usedY.Add(c.Y);
                matched.Add(c);
            }
        }

        var low = matched.Max(m => m.D - m.W);
        var high = matched.Min(m => m.D + m.W);
        var events = string.Join(", ", matched.Select(m => m.X.Event).Distinct(StringComparer.Ordinal));
        TimeSpan skew, uncertainty;
        string basis;
        if (low <= high)
        {
            skew = low + (high - low) / 2;
            uncertainty = (high - low) / 2;
            basis = $"{matched.Count} pair(s) of {events} logged by both nodes about each other; each pins the skew within its latency (±{OrderAssessor.Span(matched.Max(m => m.W))}), together to {OrderAssessor.Span(low, signed: true)} … {OrderAssessor.Span(high, signed: true)}";
        }
        else
        {
            var ds = matched.Select(m => m.D).Order().ToList();
            skew = ds[ds.Count / 2];
            uncertainty = (ds[^1] - ds[0]) / 2 + matched.Max(m => m.W);
            basis = $"{matched.Count} pair(s) of {events} that disagree by {OrderAssessor.Span(ds[^1] - ds[0])}, more than their latency (a drifting clock?): the median skew, ± half the spread plus the latency";
        }

        return new PairEstimate(first, second, skew, uncertainty, matched.Select(m => (m.X.Fact, m.Y.Fact)).ToList(), basis);
    }
}
