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

    private static string N(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
