using Newtonsoft.Json.Linq;

namespace Diagnose.Api.Reanalysis;

/// <summary>One diagnosis as the verdict diff compares it: article, rule, fix plan and the plan's validation verdict.</summary>
public sealed record VerdictLine(string Kb, string Rule, string? Plan, string? Verdict)
{
    /// <summary>The diagnoses of a report (the JSON contract), in a stable order so that equal sets compare equal.</summary>
    public static List<VerdictLine> From(JToken? report) =>
        (report?["diagnoses"] as JArray ?? [])
            .Select(d => new VerdictLine((string?)d["kb"] ?? "", (string?)d["rule"] ?? "", (string?)d["fix"]?["plan"], (string?)d["fix"]?["validation"]?["verdict"]))
            .OrderBy(l => l.Kb, StringComparer.Ordinal).ThenBy(l => l.Rule, StringComparer.Ordinal).ThenBy(l => l.Plan, StringComparer.Ordinal).ThenBy(l => l.Verdict, StringComparer.Ordinal)
            .ToList();
}
