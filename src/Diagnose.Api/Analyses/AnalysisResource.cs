using Diagnose.Api.Storage;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Diagnose.Api.Analyses;

/// <summary>
/// The analysis resource: the report's JSON contract (inputs, diagnoses, benign, unexplained) with
/// <c>id</c>, <c>status</c>, <c>progress</c>, times, the error of a failed analysis and the uploads' names.
/// </summary>
internal static class AnalysisResource
{
    public static string Json(StoredAnalysis analysis, LiveProgress? live)
    {
        var inputsRead = analysis.Inputs.Count;
        JObject progress = live is null
            ? new JObject
            {
                ["bytesRead"] = analysis.Bytes,
                ["recordsRead"] = analysis.Records,
                ["inputsRead"] = inputsRead,
                ["fraction"] = analysis.Status == "done" ? 1.0 : null,
            }
            : new JObject
            {
                ["bytesRead"] = live.BytesRead,
                ["totalBytes"] = live.TotalBytes,
                ["recordsRead"] = live.Last?.RecordsRead ?? 0,
                ["inputsRead"] = live.Last is { } last ? last.InputIndex + 1 : 0,
                ["currentInput"] = live.Last?.Input,
                ["fraction"] = live.TotalBytes is > 0 and var total ? Math.Min(1.0, (double)live.BytesRead / total) : null,
            };

        var resource = new JObject
        {
            ["id"] = analysis.Id,
            ["status"] = analysis.Status,
            ["createdAt"] = analysis.CreatedAt,
            ["finishedAt"] = analysis.FinishedAt,
            ["error"] = analysis.Error,
            ["progress"] = progress,
            ["uploads"] = new JArray(analysis.Inputs.Select(i => new JObject { ["name"] = i.Name, ["kept"] = i.KeptFile is not null })),
        };

        if (analysis.Report is { } report)
        {
            // Times stay the strings the contract wrote (no DateTime round trip).
            using var reader = new JsonTextReader(new StringReader(report)) { DateParseHandling = DateParseHandling.None };
            var contract = JObject.Load(reader);
            foreach (var property in contract.Properties())
            {
                resource[property.Name] = property.Value;
            }
        }

        return resource.ToString(Formatting.Indented);
    }
}
