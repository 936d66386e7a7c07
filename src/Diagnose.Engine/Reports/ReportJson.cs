using Diagnose.Core.Reports;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace Diagnose.Reports;

/// <summary>The report as JSON, exactly in the output contract's shape (camelCase names).</summary>
public static class ReportJson
{
    /// <summary>The settings that give the contract's shape (camelCase, indented, strings never read as dates); use them to read a report back too.</summary>
    public static readonly JsonSerializerSettings Settings = new()
    {
        ContractResolver = new CamelCasePropertyNamesContractResolver(),
        Formatting = Formatting.Indented,
        DateParseHandling = DateParseHandling.None,
    };

    /// <summary>The report as indented JSON with <see cref="Settings"/>.</summary>
    public static string Write(AnalysisReport report) => JsonConvert.SerializeObject(report, Settings);
}
