using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;

namespace Diagnose.Core.Reports;

/// <summary>What running a plan on the simulated cluster under faults showed; written as <c>validated</c>, <c>refuted</c>, <c>not-validated</c>.</summary>
[JsonConverter(typeof(StringEnumConverter), typeof(KebabCaseNamingStrategy))]
public enum Verdict
{
    /// <summary>Every fault schedule kept every goal.</summary>
    Validated,

    /// <summary>A schedule broke a goal; the shortest one is the counterexample.</summary>
    Refuted,

    /// <summary>The plan could not be run (no incident, a placeholder the incident does not give, a suspect diagnosis).</summary>
    NotValidated,
}
