using System.Globalization;
using Diagnose.Core.Reports;

namespace Diagnose.Reports;

/// <summary>The wording the table and Markdown reports share for confidence bases, ruled-out causes and advice to collect.</summary>
internal static class EvidenceWording
{
    public static IEnumerable<string> Basis(ConfidenceBasis basis)
    {
        yield return $"base {N(basis.Base)}, at most {N(basis.Max)}";
        foreach (var c in basis.Corroborating)
        {
            yield return $"+{N(c.Weight)} {c.Description}";
        }

        foreach (var m in basis.Missing)
        {
            yield return $"missing (+{N(m.Weight)} if present): {m.Description}; collect: {m.Collect}";
        }

        if (basis.CappedSingleRecord)
        {
            yield return $"capped at 0.90: every piece of evidence is one input record";
        }
    }

    public static string RuledOut(RuledOutReport r) => $"{r.Kb} {r.Rule}: {r.RootCause} Ruled out: {r.Reason}";

    public static string Collect(CollectReport c)
    {
        var where = c.Node is null ? "" : $" from {c.Node}";
        var window = c.Window is { } w ? $", {w.From} to {w.To}" : "";
        var command = c.Command is null ? "" : $": {c.Command}";
        return $"{c.What}{where}{window}{command} (for {string.Join(", ", c.Because)})";
    }

    public static string Evidence(EvidenceItem e)
    {
        var what = e.EventId is int id ? $"{e.Provider} {id} at {e.Time}" : $"{e.Fact}: {e.Value}";
        var where = e.Record is long r ? $"record {r}" : e.Line is int l ? $"line {l}" : "";
        return $"{what} [{e.Node}] {e.Source} {where}".TrimEnd();
    }

    /// <summary>The clock section: each node's time source and skew, each compared pair, and what could not be compared.</summary>
    public static IEnumerable<string> Clock(ClockReport? clock)
    {
        if (clock is null)
        {
            yield break;
        }

        foreach (var n in clock.Nodes)
        {
            var times = n.Source switch
            {
                "given" => $"taken as UTC{n.Offset} (given)",
                "assumed" => "taken as UTC (assumed: CSV or pasted text, no --utc-offset)",
                _ => "UTC (recorded in the log)",
            };
            var skew = n.Node == clock.Reference ? "the reference clock"
                : n.Skew is { } s ? $"clock {S(s)} ± {S(n.Uncertainty ?? 0, signed: false)} against {clock.Reference}{(n.Corrected ? ", its facts' times corrected by it" : ", within its uncertainty: not corrected")}"
                : "clock not compared with the other nodes'";
            yield return $"{n.Node}: times {times}; {skew}";
        }

        foreach (var p in clock.Pairs)
        {
            yield return $"{p.First}–{p.Second}: {p.Second} reads {S(p.Skew)} ± {S(p.Uncertainty, signed: false)} against {p.First}, from {p.Basis}";
        }

        foreach (var note in clock.Notes)
        {
            yield return $"note: {note}";
        }
    }

    private static string S(double seconds, bool signed = true) =>
        (signed && seconds >= 0 ? "+" : "") + seconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    private static string N(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
