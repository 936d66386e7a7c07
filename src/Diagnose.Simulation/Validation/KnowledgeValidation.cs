using Diagnose.Knowledge;

namespace Diagnose.Simulation.Validation;

/// <summary>Validates every plan and anti-plan of every article on its <see cref="PlanCases"/> incident.</summary>
public static class KnowledgeValidation
{
    public static IReadOnlyList<ValidationResult> ValidateAll(KnowledgeBase knowledge, FixValidator? validator = null)
    {
        validator ??= new FixValidator();
        var results = new List<ValidationResult>();
        foreach (var article in knowledge.Articles)
        {
            foreach (var (plan, kind) in article.Plans.Select(p => (p, "plan")).Concat(article.AntiPlans.Select(p => (p, "anti-plan"))))
            {
                var run = PlanCases.For(article.Id, plan.Id);
                results.Add(run is null
                    ? new ValidationResult { Kb = article.Id, Plan = plan.Id, Kind = kind, Verdict = "not-validated", Reason = "the simulator has no incident for this plan's situation" }
                    : validator.Validate(article.Id, plan, kind, run.Case));
            }
        }

        return results;
    }
}
