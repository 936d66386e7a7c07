namespace Diagnose.Simulation.Validation;

/// <summary>A plan step with its placeholders replaced by this cluster's names; <see cref="Number"/> is its step number in the article.</summary>
public sealed record BoundStep(int Number, string Operation, IReadOnlyDictionary<string, string> Args, string Text)
{
    /// <summary>The value of a required argument.</summary>
    /// <exception cref="Model.SimulationException">The step has no such argument.</exception>
    public string Arg(string name) => Args.TryGetValue(name, out var v) ? v
        : throw new Model.SimulationException($"step {Number} ({Operation}) has no '{name}' argument");

    /// <summary>The value of an optional argument, or null.</summary>
    public string? Optional(string name) => Args.GetValueOrDefault(name);

    /// <summary>The step as <c>number. operation(name=value, …)</c>, arguments in name order.</summary>
    public override string ToString() =>
        $"{Number}. {Operation}({string.Join(", ", Args.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}"))})";
}
