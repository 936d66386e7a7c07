using Diagnose.Core.Reports;
using Diagnose.Knowledge.Articles;
using Diagnose.Simulation.Validation;

namespace Diagnose.Api.Validation;

/// <summary>
/// A checked <c>POST /api/validate</c> body: the article, the plan (named or given as steps, with its kind),
/// and where to run it: a scenario with its seed and node count, a snapshot, or neither (the plan's own incident).
/// </summary>
internal sealed record ValidateRequest(
    Article Article,
    FixPlan Plan,
    PlanKind Kind,
    IncidentSource Source,
    bool Pairwise);
