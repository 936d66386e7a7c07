using Diagnose.Core.Reports;
using Diagnose.Core.Time;
using Diagnose.Normalise;
using Diagnose.Rules.Facts;

namespace Diagnose.Analysis;

/// <summary>Turns facts into the report's evidence items (events and snapshot observations), through derived facts to their inputs.</summary>
internal static class EvidenceItems
{
    public static List<EvidenceItem> Of(IEnumerable<Fact> facts, string? role)
    {
        var items = new List<EvidenceItem>();
        foreach (var fact in facts)
        {
            Add(items, fact, role);
        }

        return items;
    }

    public static void Add(List<EvidenceItem> evidence, Fact fact, string? role)
    {
        // A derived fact is shown through the inputs it was derived from.
        if (fact.DerivedBy is { } by)
        {
            foreach (var input in by.InputSupport())
            {
                Add(evidence, input, role);
            }

            return;
        }

        var item = fact.Origin switch
        {
            EventOrigin e => new EvidenceItem
            {
                Source = e.Record.Origin.Source,
                Record = e.Record.RecordNumber,
                Line = e.Record.Origin.Line,
                EventId = e.Record.EventId,
                Provider = e.Record.Provider,
                Time = Time(e.Record.TimeUtc),
                Node = e.Node ?? "",
                Role = role,
                Data = e.Record.Data.ToList(),
            },
            ObservationOrigin o => new EvidenceItem
            {
                Source = o.Source,
                Line = o.Line,
                Fact = o.Fact,
                Value = o.Value,
                Node = o.Node ?? "",
                Role = role,
            },
            _ => null,
        };

        if (item is not null && !evidence.Any(x => x.Source == item.Source && x.Record == item.Record && x.Line == item.Line && x.Fact == item.Fact && x.EventId == item.EventId && x.Value == item.Value))
        {
            evidence.Add(item);
        }
    }

    /// <summary>
    /// The input record a fact stands for, so that the generic and the typed fact of one event count once (the
    /// single-record cap): the event record, or the snapshot line, or the fact itself.
    /// </summary>
    public static object RecordOf(Fact fact) => fact.Origin switch
    {
        EventOrigin e => e.Record,
        ObservationOrigin o => (o.Source, o.Line, o.Fact, o.Node),
        _ => fact,
    };

    /// <summary>UTC ISO-8601 with as many fraction digits as the source had.</summary>
    public static string Time(DateTime? time) => time is { } t ? IsoTime.Format(t, IsoPrecision.TicksTrimmed) : "";
}
