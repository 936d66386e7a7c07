using Diagnose.Core.Snapshots;
using Diagnose.Knowledge.Articles;

namespace Diagnose.Api.Validation;

/// <summary>
/// A checked <c>POST /api/validate</c> body: the article, the plan (named or given as steps, with its kind),
/// and where to run it: a scenario with its seed and node count, a snapshot, or neither (the plan's own case).
/// </summary>
internal sealed record ValidateRequest(
    Article Article,
    FixPlan Plan,
    string Kind,
    string? Scenario,
    int Seed,
    int? Nodes,
    ClusterSnapshot? Snapshot,
    bool Pairwise);
