using Diagnose.Rules.Facts;

namespace Diagnose.Rules.Model;

/// <summary>A validated set of rules and the fact types they use; compiled once, shared by many sessions.</summary>
public sealed class RuleSet
{
    /// <summary>A rule set over already validated rules; it does not check them again.</summary>
    public RuleSet(FactSchemaSet schemas, IReadOnlyList<Rule> rules)
    {
        Schemas = schemas;
        Rules = rules;
    }

    /// <summary>The fact types the rules use.</summary>
    public FactSchemaSet Schemas { get; }

    /// <summary>The rules in load order; on the agenda this order breaks ties left by priority and recency.</summary>
    public IReadOnlyList<Rule> Rules { get; }

    /// <summary>The rule with that id (case-sensitive), or null.</summary>
    public Rule? Find(string id) => Rules.FirstOrDefault(r => r.Id == id);
}
