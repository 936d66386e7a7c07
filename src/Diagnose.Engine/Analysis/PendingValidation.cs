using Diagnose.Core.Reports;
using Diagnose.Knowledge.Articles;
using Diagnose.Simulation.Validation;

namespace Diagnose.Analysis;

/// <summary>A diagnosis whose fix the validation step still has to run: its article, plan, rule and the incident it observed.</summary>
internal sealed record PendingValidation(FixReport Fix, Article Article, FixPlan Plan, string Rule, IncidentSource Source);
