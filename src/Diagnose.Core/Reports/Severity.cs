using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;

namespace Diagnose.Core.Reports;

/// <summary>How much a diagnosis calls for action; written as <c>incident</c> or <c>advice</c>.</summary>
[JsonConverter(typeof(StringEnumConverter), typeof(KebabCaseNamingStrategy))]
public enum Severity
{
    /// <summary>Something is broken now and the plan repairs it.</summary>
    Incident,

    /// <summary>A lower-severity finding: nothing is broken, but a standing risk has a recommended remedy (such as a service pack).</summary>
    Advice,
}
