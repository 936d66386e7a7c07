using Diagnose.Rules.Model;

namespace Diagnose.Rules.Testing;

/// <summary>
/// How one example behaved: the firings expected (-1: at least once) and seen, whether its conclusions were
/// ruled out and the confidence of its diagnosis, and why-not text when it failed to fire.
/// </summary>
public sealed record ExampleResult(Rule Rule, RuleExample Example, int Fired, string? WhyNot)
{
    /// <summary>True when every conclusion of the rule was ruled out, false when none or only some were, null when it concluded nothing.</summary>
    public bool? RuledOut { get; init; }

    /// <summary>The highest confidence of the rule's diagnoses that were not ruled out.</summary>
    public double? Confidence { get; init; }

    /// <summary>True when the rule fired as often as the example expects and, where the example gives them, its ruled-out outcome and confidence match.</summary>
    public bool Passed =>
        (Example.Firings < 0 ? Fired > 0 : Fired == Example.Firings)
        && (Example.RuledOut is not { } ruledOut || (RuledOut ?? false) == ruledOut)
        && (Example.Confidence is not { } confidence || (Confidence is { } seen && Math.Abs(seen - confidence) < 0.0005));

    /// <summary>One line starting "ok" or "FAIL" with what was expected and seen; a failure also gives the example's position, and the why-not report when there is one.</summary>
    public override string ToString()
    {
        var expected = Example.Firings < 0 ? "at least once" : Example.Firings == 0 ? "never" : $"{Example.Firings} time(s)";
        var extra = (Example.RuledOut is { } r ? $", {(r ? "ruled out" : "not ruled out")} (was {(RuledOut == true ? "ruled out" : "not ruled out")})" : "")
            + (Example.Confidence is { } c ? $", confidence {c:0.###} (was {(Confidence is { } s ? s.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) : "none")})" : "");
        var head = $"{(Passed ? "ok  " : "FAIL")} {Rule.Id}: {Example.Name} (expected to fire {expected}, fired {Fired}{extra})";
        return Passed ? head : $"{Example.Source}({Example.Line},{Example.Column}): {head}" + (WhyNot is null ? "" : "\n     " + WhyNot.Replace("\n", "\n     ", StringComparison.Ordinal));
    }
}
