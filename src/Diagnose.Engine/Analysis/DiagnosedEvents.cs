using System.Globalization;
using Diagnose.Normalise;
using Diagnose.Rules.Facts;
using Diagnose.Simulation.Validation;

namespace Diagnose.Analysis;

/// <summary>The events a diagnosis rests on, as the validation step replays them: node, provider, id, time and the fact's fields.</summary>
internal static class DiagnosedEvents
{
    public static IReadOnlyList<DiagnosedEvent> From(IEnumerable<Fact> evidence) => evidence.Select(Event).OfType<DiagnosedEvent>().ToList();

    private static DiagnosedEvent? Event(Fact fact)
    {
        if (fact.Origin is not EventOrigin origin)
        {
            return null;
        }

        var fields = fact.Schema.Fields.ToDictionary(f => f.Name, f => fact.Values[f.Index] switch
        {
            null => null,
            IFormattable v => v.ToString(null, CultureInfo.InvariantCulture),
            var v => v.ToString(),
        }, StringComparer.Ordinal);
        return new DiagnosedEvent(fact.Schema.Name, origin.Node ?? "", origin.Record.Provider, origin.Record.EventId, origin.Record.TimeUtc, fields);
    }
}
