using Diagnose.Core.Records;

namespace Diagnose.Simulation.Events;

/// <summary>
/// Every event the simulated cluster logged, in the order it happened. Record numbers are given per
/// node and log when the journal is turned into <see cref="EventRecord"/>s, as each Windows log numbers its own.
/// </summary>
public sealed class EventJournal
{
    private readonly List<SimEvent> _events = [];

    /// <summary>Every event logged, in the order it was added.</summary>
    public IReadOnlyList<SimEvent> Events => _events;

    /// <summary>Appends an event at the end of the journal.</summary>
    public void Add(SimEvent e) => _events.Add(e);

    /// <summary>How many events were logged.</summary>
    public int Count => _events.Count;

    /// <summary>The records of one node's log, numbered from <paramref name="firstRecord"/>.</summary>
    public IEnumerable<EventRecord> Records(string node, string channel, string computer, long firstRecord, string source)
    {
        var number = firstRecord;
        foreach (var e in _events.Where(e => e.Node == node && e.Channel == channel).OrderBy(e => e.TimeUtc))
        {
            yield return new EventRecord
            {
                Provider = e.Provider,
                EventId = e.EventId,
                Qualifiers = e.Qualifiers,
                Level = e.Level,
                TimeUtc = e.TimeUtc,
                RecordNumber = number++,
                Channel = e.Channel,
                Computer = computer,
                Data = e.Data.Select(d => new EventDataItem(null, d)).ToList(),
                Message = e.Message,
                Origin = new RecordOrigin(source),
            };
        }
    }
}
