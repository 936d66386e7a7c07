using Diagnose.Core.Reports;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Diagnose.Reports;

/// <summary>The report as JSON, exactly in the output contract's shape (camelCase names).</summary>
public static class ReportJson
{
    public static readonly JsonSerializerSettings Settings = new()
    {
        ContractResolver = new CamelCasePropertyNamesContractResolver(),
        Formatting = Formatting.Indented,
        DateParseHandling = DateParseHandling.None,
    };

    public static string Write(AnalysisReport report) => JsonConvert.SerializeObject(report, Settings);
}
