using Diagnose.Knowledge.Articles;
using Diagnose.Knowledge.Events;
using Diagnose.Simulation.Events;

namespace Diagnose.Simulation.Validation;

/// <summary>
/// Whether a replayed incident logged the evidence its diagnosis rests on (kb/ <c>incidents[].reproduces</c>): for each
/// diagnosed event of a listed fact type, an event the replay logged on the same node that the event catalog turns into
/// the same fact type with the same values of the listed fields. Values are read with the catalog's own field definitions.
/// </summary>
internal static class ReplayCheck
{
    /// <summary>Null when every listed piece of evidence was logged again; else what the replay did not log.</summary>
    public static string? Missing(IReadOnlyList<SimEvent> replayed, IReadOnlyList<DiagnosedEvent> diagnosed, IReadOnlyList<ReplayEvidence> evidence, EventCatalog catalog)
    {
        foreach (var wanted in evidence)
        {
            foreach (var seen in diagnosed.Where(d => d.Type == wanted.Fact))
            {
                var fields = wanted.Same.Where(f => seen.Field(f) is not null).ToList();
                if (!replayed.Any(e => Matches(e, seen, fields, catalog)))
                {
                    var values = string.Join(", ", fields.Select(f => $"{f} {seen.Field(f)}"));
                    return $"the replayed incident logged no {seen.Provider} {seen.EventId} ({wanted.Fact}{(values.Length > 0 ? $": {values}" : "")}) on {seen.Node}";
                }
            }
        }

        return null;
    }

    private static bool Matches(SimEvent e, DiagnosedEvent seen, IReadOnlyList<string> fields, EventCatalog catalog)
    {
        if (!string.Equals(e.Node, seen.Node, StringComparison.OrdinalIgnoreCase) || catalog.Find(e.Provider, e.EventId) is not { } entry || entry.FactType != seen.Type)
        {
            return false;
        }

        foreach (var name in fields)
        {
            var field = entry.Fields.FirstOrDefault(f => f.Name == name);
            var value = field?.Kind switch
            {
                FieldSourceKind.InsertionString => field.Select(e.Data),
                FieldSourceKind.Constant => Convert.ToString(field.Value, System.Globalization.CultureInfo.InvariantCulture),
                _ => null,
            };
            if (!Same(value, seen.Field(name)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Same(string? replayed, string? seen) =>
        CatalogField.Integer(replayed) is { } a && CatalogField.Integer(seen) is { } b ? a == b : string.Equals(replayed, seen, StringComparison.OrdinalIgnoreCase);
}
