using Diagnose.Knowledge.Events;
using Newtonsoft.Json.Linq;

namespace Diagnose.Knowledge.Decisions;

/// <summary>What a decision table is checked against while it is read: the rules, the articles and the event catalog.</summary>
internal sealed record DecisionContext(DecisionJson Json, Func<string, bool> RuleExists, KnowledgeBase Knowledge, EventCatalog Catalog)
{
    public void CheckRule(JToken at, string rule)
    {
        if (!RuleExists(rule))
        {
            Json.Problem(at, $"unknown rule '{rule}'");
        }
    }
}
