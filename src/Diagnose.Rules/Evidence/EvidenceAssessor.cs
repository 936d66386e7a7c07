using Diagnose.Rules.Engine;
using Diagnose.Rules.Facts;
using Diagnose.Rules.Model;

namespace Diagnose.Rules.Evidence;

/// <summary>
/// Weighs each conclusion after a run, when working memory is complete: a match of an <c>unless</c> entry
/// rules it out; <c>corroborate</c> entries present add their weight to the base confidence, up to the
/// rule's max; absent ones become advice on what to collect. The match's own facts are bound, so the
/// entries' conditions join them exactly as a <c>when</c> pattern would.
/// </summary>
public sealed class EvidenceAssessor
{
    /// <summary>No diagnosis above this rests on one event alone (issue 13, "Confidence means something").</summary>
    public const double SingleRecordCeiling = 0.9;

    /// <summary>How far before and after the match's times advice to collect a log reaches.</summary>
    public static readonly TimeSpan CollectMargin = TimeSpan.FromHours(1);

    private readonly FactSource _facts;
    private readonly Func<Fact, object> _recordOf;

    /// <param name="facts">What the entries are checked against.</param>
    /// <param name="recordOf">
    /// The input record a fact came from; facts from one record (an event's generic and typed facts) count once.
    /// By default each fact is its own record.
    /// </param>
    public EvidenceAssessor(FactSource facts, Func<Fact, object>? recordOf = null)
    {
        _facts = facts;
        _recordOf = recordOf ?? (f => f);
    }

    /// <summary>
    /// Weighs one conclusion: its first contradiction (if any), the corroborations present and missing, and the
    /// confidence they give, rounded to four decimals. Order entries are left to <see cref="OrderAssessor"/>.
    /// </summary>
    public Assessment Assess(Conclusion conclusion)
    {
        var rule = conclusion.Rule;
        var match = conclusion.Proof.Facts.ToArray();
        var contradiction = rule.Unless.Select(u => Contradicted(u, match)).FirstOrDefault(c => c is not null);

        var present = new List<Corroboration>();
        var missing = new List<MissingCorroboration>();
        foreach (var entry in rule.Corroborate)
        {
            var found = Matching(entry.Pattern, match).ToList();
            var description = entry.Description.Render(match);
            if (found.Count > 0)
            {
                present.Add(new Corroboration(entry, description, found));
            }
            else
            {
                var (from, to) = Window(conclusion);
                missing.Add(new MissingCorroboration(entry, description, entry.Collect.What.Render(match), entry.Collect.Log,
                    entry.Collect.Node?.Evaluate(match) as string, from, to));
            }
        }

        var action = rule.Diagnosis;
        var @base = conclusion.Confidence;
        var max = action is null || double.IsNaN(action.MaxConfidence) ? @base : action.MaxConfidence;
        var confidence = Math.Min(max, @base + present.Sum(p => p.Pattern.Weight));

        // Every piece of evidence, required and corroborating, from one record: at most the ceiling.
        var records = conclusion.Proof.InputSupport()
            .Concat(present.SelectMany(p => p.Facts).SelectMany(InputsOf))
            .Select(_recordOf)
            .Distinct()
            .Count();
        var capped = records <= 1 && confidence > SingleRecordCeiling;
        if (capped)
        {
            confidence = SingleRecordCeiling;
        }

        return new Assessment(conclusion, Math.Round(confidence, 4), @base, max, contradiction, present, missing, capped);
    }

    private Contradiction? Contradicted(ContradictingPattern entry, Fact?[] match)
    {
        var found = Matching(entry.Pattern, match).ToList();
        if (found.Count == 0)
        {
            return null;
        }

        var extended = Extend(match, entry.Pattern.Slot);
        extended[entry.Pattern.Slot] = found[0];
        return new Contradiction(entry, entry.Reason.Render(extended), found);
    }

    private IEnumerable<Fact> Matching(EvidencePattern pattern, Fact?[] match)
    {
        var extended = Extend(match, pattern.Slot);
        foreach (var candidate in _facts.Of(pattern.Schema))
        {
            extended[pattern.Slot] = candidate;
            if (pattern.Accepts(extended))
            {
                yield return candidate;
            }
        }
    }

    private static Fact?[] Extend(Fact?[] match, int slot)
    {
        var extended = new Fact?[Math.Max(match.Length, slot + 1)];
        Array.Copy(match, extended, match.Length);
        return extended;
    }

    private static IEnumerable<Fact> InputsOf(Fact fact) => fact.DerivedBy is { } by ? by.InputSupport() : [fact];

    private static (DateTime? From, DateTime? To) Window(Conclusion conclusion)
    {
        var times = conclusion.Proof.InputSupport()
            .Select(f => f.Schema.Field("time") is { Type: FieldType.Time } t ? f.Values[t.Index] as DateTime? : null)
            .Where(t => t is not null)
            .Select(t => t!.Value)
            .ToList();
        return times.Count == 0 ? (null, null) : (times.Min() - CollectMargin, times.Max() + CollectMargin);
    }
}
