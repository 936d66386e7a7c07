using Diagnose.Rules.Model;

namespace Diagnose.Rules.Testing;

/// <summary>How one example behaved: the firings expected (-1: at least one) and seen, and why-not text when it failed to fire.</summary>
public sealed record ExampleResult(Rule Rule, RuleExample Example, int Fired, string? WhyNot)
{
    public bool Passed => Example.Firings < 0 ? Fired > 0 : Fired == Example.Firings;

    public override string ToString()
    {
        var expected = Example.Firings < 0 ? "at least once" : Example.Firings == 0 ? "never" : $"{Example.Firings} time(s)";
        var head = $"{(Passed ? "ok  " : "FAIL")} {Rule.Id}: {Example.Name} (expected to fire {expected}, fired {Fired})";
        return Passed ? head : $"{Example.Source}({Example.Line},{Example.Column}): {head}" + (WhyNot is null ? "" : "\n     " + WhyNot.Replace("\n", "\n     ", StringComparison.Ordinal));
    }
}
