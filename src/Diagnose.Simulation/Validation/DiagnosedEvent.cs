namespace Diagnose.Simulation.Validation;

/// <summary>An event a diagnosis rests on, with the fields its normalised fact carried (instance, error, resource…).</summary>
public sealed record DiagnosedEvent(string Node, string Provider, int EventId, DateTime? Time, IReadOnlyDictionary<string, string?> Fields)
{
    public string? Field(string name) => Fields.GetValueOrDefault(name);
}
