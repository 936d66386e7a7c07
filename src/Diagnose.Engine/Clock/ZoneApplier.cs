using Diagnose.Core.Records;
using Diagnose.Ingest;

namespace Diagnose.Clock;

/// <summary>
/// Applies the given UTC offsets to the records of zone-less inputs (CSV and pasted text carry the exporting
/// machine's wall-clock time), and remembers, per node and per input, how each one's times were taken. Formats
/// that record UTC are never shifted.
/// </summary>
internal sealed class ZoneApplier(UtcOffsets offsets)
{
    private static readonly HashSet<string> ZoneLessFormats = new(StringComparer.OrdinalIgnoreCase) { "csv", "text" };

    private readonly Dictionary<string, (TimeSource Source, TimeSpan Offset)> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<string>> _inputs = new(StringComparer.Ordinal);
    private string? _lastSource;
    private bool _lastZoneLess;

    /// <summary>Each node's time source (the least certain of its inputs) and the offset applied to its zone-less times.</summary>
    public IReadOnlyDictionary<string, (TimeSource Source, TimeSpan Offset)> Nodes => _nodes;

    public EventRecord Apply(EventRecord record, string? node, IngestSession ingest)
    {
        var source = record.Origin.Source;
        if (source != _lastSource)
        {
            _lastSource = source;
            var summary = ingest.Inputs.LastOrDefault(i => i.Path == source);
            _lastZoneLess = summary is not null && ZoneLessFormats.Contains(summary.Format);
        }

        if (!_lastZoneLess)
        {
            Note(source, node, TimeSource.Log, TimeSpan.Zero, "UTC (recorded in the log)");
            return record;
        }

        var given = offsets.For(node);
        if (given is { } offset)
        {
            Note(source, node, TimeSource.Given, offset, $"taken as UTC{UtcOffsets.Format(offset)} (given){(node is null ? "" : $" for {node}")}");
            return record.TimeUtc is { } local ? record with { TimeUtc = local - offset } : record;
        }

        Note(source, node, TimeSource.Assumed, TimeSpan.Zero, $"taken as UTC (assumed){(node is null ? "" : $" for {node}")}");
        return record;
    }

    /// <summary>How an input's times were taken, or null for an input that gave no record.</summary>
    public string? Describe(string input) => _inputs.TryGetValue(input, out var notes) ? string.Join("; ", notes) : null;

    private void Note(string input, string? node, TimeSource source, TimeSpan offset, string text)
    {
        if (!_inputs.TryGetValue(input, out var notes))
        {
            _inputs[input] = notes = new SortedSet<string>(StringComparer.Ordinal);
        }

        notes.Add(text);
        if (node is not null && (!_nodes.TryGetValue(node, out var known) || source > known.Source))
        {
            _nodes[node] = (source, offset);
        }
    }
}
