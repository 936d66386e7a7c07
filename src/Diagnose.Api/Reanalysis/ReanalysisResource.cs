using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Diagnose.Api.Reanalysis;

/// <summary>The JSON of a re-analysis (API and <c>diagnose reanalyze --format json</c>): progress, and the verdict diff once it has finished.</summary>
public static class ReanalysisResource
{
    public static JObject Json(ReanalysisStatus status)
    {
        var resource = new JObject
        {
            ["id"] = status.Id,
            ["status"] = status.Status,
            ["label"] = status.Label,
            ["createdAt"] = status.CreatedAt,
            ["selection"] = new JObject
            {
                ["kb"] = status.Selection.Kb,
                ["since"] = status.Selection.Since?.UtcDateTime.ToString("O"),
                ["until"] = status.Selection.Until?.UtcDateTime.ToString("O"),
            },
            ["progress"] = new JObject
            {
                ["total"] = status.Total,
                ["queued"] = status.Queued,
                ["running"] = status.Running,
                ["done"] = status.Done,
                ["failed"] = status.Failed,
                ["retried"] = status.Retried,
                ["fraction"] = status.Total == 0 ? 1.0 : Math.Round((double)(status.Done + status.Failed) / status.Total, 4),
            },
        };

        if (status.Finished)
        {
            resource["unchanged"] = status.Unchanged;
            resource["changed"] = new JArray(status.Changes.Select(c => new JObject
            {
                ["analysisId"] = c.AnalysisId,
                ["before"] = Lines(c.Before),
                ["after"] = Lines(c.After),
            }));
            resource["failures"] = new JArray(status.Failures.Select(f => new JObject { ["analysisId"] = f.AnalysisId, ["error"] = f.Error }));
        }

        return resource;
    }

    public static string Text(ReanalysisStatus status) => Json(status).ToString(Formatting.Indented);

    private static JArray Lines(IEnumerable<VerdictLine> lines) =>
        new(lines.Select(l => new JObject { ["kb"] = l.Kb, ["rule"] = l.Rule, ["plan"] = l.Plan, ["verdict"] = l.Verdict }));
}
