using System.Text.RegularExpressions;
using Diagnose.Knowledge.Articles;

namespace Diagnose.Simulation.Validation;

/// <summary>
/// Values for a plan's placeholders (<c>{olderNode}</c>, <c>{group}</c>…). A placeholder with several
/// values repeats its step once per value (two groups to move, two nodes to upgrade); one with none drops it.
/// </summary>
public sealed partial class PlanBinding
{
    private readonly Dictionary<string, IReadOnlyList<string>> _values = new(StringComparer.Ordinal);

    /// <summary>Gives placeholder <paramref name="name"/> (without braces) these values, replacing any it had.</summary>
    /// <returns>This binding, so calls chain.</returns>
    public PlanBinding Set(string name, params string[] values)
    {
        _values[name] = values;
        return this;
    }

    /// <summary>Every placeholder given so far, with its values.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Values => _values;

    /// <summary>
    /// Binds every step; throws <see cref="Model.SimulationException"/> naming a placeholder that has no value.
    /// <c>{name*}</c> is every value at once, comma-separated (empty for an empty role set), and repeats nothing.
    /// </summary>
    public IReadOnlyList<BoundStep> Bind(IReadOnlyList<PlanStep> steps)
    {
        var bound = new List<BoundStep>();
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i] is { } original && original.Arguments.Values.Any(v => v.Contains("*}", StringComparison.Ordinal))
                ? original with { Arguments = original.Arguments.ToDictionary(a => a.Key, a => All().Replace(a.Value, m => Joined(m.Groups[1].Value, i)), StringComparer.Ordinal) }
                : steps[i];
            var names = step.Arguments.Values.SelectMany(v => Placeholder().Matches(v).Select(m => m.Groups[1].Value)).Distinct(StringComparer.Ordinal).ToList();
            var missing = names.FirstOrDefault(n => !_values.ContainsKey(n));
            if (missing is not null)
            {
                throw new Model.SimulationException($"step {i + 1} ({step.Operation}) needs '{{{missing}}}', which the diagnosis does not give");
            }

            // A role set repeats the step per node: none for an empty set.
            var repeated = names.FirstOrDefault(n => _values[n].Count != 1);
            var copies = repeated is null ? [null] : _values[repeated].Select(v => (string?)v).ToList();
            foreach (var value in copies)
            {
                var args = step.Arguments.ToDictionary(a => a.Key, a => Placeholder().Replace(a.Value, m =>
                    m.Groups[1].Value == repeated ? value! : _values[m.Groups[1].Value][0]), StringComparer.Ordinal);
                bound.Add(new BoundStep(i + 1, step.Operation, args, step.Text));
            }
        }

        return bound;
    }

    private string Joined(string name, int index) => _values.TryGetValue(name, out var values)
        ? string.Join(",", values)
        : throw new Model.SimulationException($"step {index + 1} needs '{{{name}*}}', which the diagnosis does not give");

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)\*\}")]
    private static partial Regex All();
}
