using Newtonsoft.Json;

namespace Diagnose.Core.Reports;

/// <summary>The suggested fix plan from the article, its steps and the verdict of validating it.</summary>
public sealed class FixReport
{
    public required string Plan { get; init; }

    public required string Title { get; init; }

    public List<string> Steps { get; init; } = [];

    public List<string> Warnings { get; init; } = [];

    [JsonProperty(NullValueHandling = NullValueHandling.Ignore)]
    public ValidationReport? Validation { get; set; }
}
