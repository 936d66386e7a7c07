using Diagnose.Rules.Facts;

namespace Diagnose.Rules.Model;

/// <summary>A validated set of rules and the fact types they use; compiled once, shared by many sessions.</summary>
public sealed class RuleSet
{
    public RuleSet(FactSchemaSet schemas, IReadOnlyList<Rule> rules)
    {
        Schemas = schemas;
        Rules = rules;
    }

    public FactSchemaSet Schemas { get; }

    public IReadOnlyList<Rule> Rules { get; }

    public Rule? Find(string id) => Rules.FirstOrDefault(r => r.Id == id);
}
