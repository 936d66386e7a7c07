namespace Diagnose.Simulation.Validation;

/// <summary>An event a diagnosis rests on: the fact type it became (rules/facts), where and when, and the fields the fact carried (instance, error, resource…).</summary>
public sealed record DiagnosedEvent(string Type, string Node, string Provider, int EventId, DateTime? Time, IReadOnlyDictionary<string, string?> Fields)
{
    /// <summary>The fact's value of that field, or null when the fact has none.</summary>
    public string? Field(string name) => Fields.GetValueOrDefault(name);
}
