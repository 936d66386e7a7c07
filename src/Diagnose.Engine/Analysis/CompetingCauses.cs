using Diagnose.Core.Reports;
using Diagnose.Rules.Model;

namespace Diagnose.Analysis;

/// <summary>
/// Diagnoses whose rules declare that they compete for the same symptoms (<c>competes</c>, read both ways): each
/// lists the others found in the same report with what would separate them, and the report ranks them by confidence.
/// </summary>
internal static class CompetingCauses
{
    public static void Rank(List<DiagnosisReport> diagnoses, RuleSet rules)
    {
        var found = diagnoses.Select(d => d.Rule).ToHashSet(StringComparer.Ordinal);
        foreach (var diagnosis in diagnoses)
        {
            var competing = Declared(diagnosis.Rule, rules)
                .Where(c => found.Contains(c.Rule) && c.Rule != diagnosis.Rule)
                .DistinctBy(c => c.Rule)
                .Select(c => new CompetingReport { Rule = c.Rule, SeparatedBy = c.SeparatedBy })
                .ToList();
            diagnosis.Competing = competing.Count == 0 ? null : competing;
        }

        // Stable: diagnoses of equal confidence keep the order the rules gave them.
        var ranked = diagnoses.OrderByDescending(d => d.Confidence).ToList();
        diagnoses.Clear();
        diagnoses.AddRange(ranked);
    }

    // What the rule declares, and what other rules declare about it (a competition goes both ways).
    private static IEnumerable<CompetingCause> Declared(string ruleId, RuleSet rules)
    {
        foreach (var rule in rules.Rules)
        {
            if (rule.Id == ruleId)
            {
                foreach (var cause in rule.Competes)
                {
                    yield return cause;
                }
            }
            else
            {
                foreach (var cause in rule.Competes.Where(c => c.Rule == ruleId))
                {
                    yield return cause with { Rule = rule.Id };
                }
            }
        }
    }
}
