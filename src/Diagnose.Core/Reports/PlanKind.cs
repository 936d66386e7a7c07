using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;

namespace Diagnose.Core.Reports;

/// <summary>A plan is an article's advice, an anti-plan what it warns against; written as <c>plan</c>, <c>anti-plan</c>.</summary>
[JsonConverter(typeof(StringEnumConverter), typeof(KebabCaseNamingStrategy))]
public enum PlanKind
{
    /// <summary>Advice the article gives.</summary>
    Plan,
    /// <summary>What the article warns against; validating it should refute it.</summary>
    AntiPlan,
}
