using Newtonsoft.Json;

namespace Diagnose.Core.Reports;

/// <summary>The suggested fix plan from the article, its steps and the verdict of validating it.</summary>
public sealed class FixReport
{
    /// <summary>The plan's id in its article.</summary>
    public required string Plan { get; init; }

    /// <summary>The plan's title.</summary>
    public required string Title { get; init; }

    /// <summary>The steps in order, as the article gives them.</summary>
    public List<string> Steps { get; init; } = [];

    /// <summary>What the article warns against while fixing (its anti-plans).</summary>
    public List<string> Warnings { get; init; } = [];

    /// <summary>The verdict of running the plan on the simulated cluster; absent when not validated.</summary>
    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public ValidationReport? Validation { get; set; }
}
