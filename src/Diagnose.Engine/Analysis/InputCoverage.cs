using Diagnose.Core.Records;
using Diagnose.Core.Reports;

namespace Diagnose.Analysis;

/// <summary>
/// What each input covers, learnt while its records stream past: time range, nodes and the record numbers
/// it skips; and the everyday events kept for the timeline. Memory is bounded: a few values per input, at
/// most <see cref="MaxGaps"/> gaps per input and <see cref="MaxContext"/> context events.
/// </summary>
internal sealed class InputCoverage
{
    private const int MaxGaps = 20;
    private const int MaxContext = 400;

    private readonly Dictionary<string, Span> _inputs = new(StringComparer.Ordinal);
    private readonly List<ContextEvent> _context = [];

    public void Add(EventRecord record, string? node)
    {
        if (!_inputs.TryGetValue(record.Origin.Source, out var span))
        {
            span = new Span();
            _inputs.Add(record.Origin.Source, span);
        }

        if (record.TimeUtc is { } time)
        {
            span.From = span.From is { } from && from <= time ? from : time;
            span.To = span.To is { } to && to >= time ? to : time;
        }

        if (node is not null)
        {
            span.Nodes.Add(node);
        }

        // Carved records come from slack space in any order: only records read in order say what is missing.
        if (record.RecordNumber is { } number && !record.Recovered)
        {
            if (span.Last is null && number > 1)
            {
                span.AddGap(1, number - 1, "the log starts here: older records were overwritten when it was full, or cleared before the export");
            }
            else if (span.Last is { } last && number > last + 1)
            {
                span.AddGap(last + 1, number - 1, "records missing between two the file holds");
            }

            span.Last = number;
        }
    }

    /// <summary>Keeps an everyday event for the timeline (called for the first of each provider and ID per node).</summary>
    public void AddContext(EventRecord record, string? node)
    {
        if (_context.Count < MaxContext)
        {
            _context.Add(new ContextEvent
            {
                Source = record.Origin.Source,
                Record = record.RecordNumber,
                Line = record.Origin.Line,
                EventId = record.EventId,
                Provider = record.Provider,
                Level = record.Level,
                Time = EvidenceItems.Time(record.TimeUtc),
                Node = node ?? "",
            });
        }
    }

    public void Apply(AnalysisReport report)
    {
        foreach (var input in report.Inputs)
        {
            if (_inputs.TryGetValue(input.Path, out var span))
            {
                input.From = span.From is null ? null : EvidenceItems.Time(span.From);
                input.To = span.To is null ? null : EvidenceItems.Time(span.To);
                input.Nodes = span.Nodes.Order(StringComparer.Ordinal).ToList();
                input.Gaps = span.Gaps.Count > 0 ? span.Gaps : null;
            }
        }

        report.Context = _context;
    }

    private sealed class Span
    {
        public DateTime? From { get; set; }

        public DateTime? To { get; set; }

        public long? Last { get; set; }

        public HashSet<string> Nodes { get; } = new(StringComparer.Ordinal);

        public List<InputGap> Gaps { get; } = [];

        public void AddGap(long from, long to, string reason)
        {
            if (Gaps.Count < MaxGaps)
            {
                Gaps.Add(new InputGap { From = from, To = to, Reason = reason });
            }
        }
    }
}
