namespace Diagnose.Ingest.Evtx;

/// <summary>
/// Counts a legacy .evt log's records against the ones it declares: record numbers from the oldest to the next one
/// to be written (ELF_LOGFILE's OldestRecordNumber and CurrentRecordNumber, and the same pair in the end-of-file
/// record, ELF_EOF_RECORD; "Event Log File Format", Microsoft Learn). The end-of-file record is written when the log
/// is flushed, so it is current where a dirty log's header is stale; when a clean log's two copies disagree, one was
/// damaged, and the tighter one is taken (a record outside it still counts, see below). Every record found, read or
/// not, is one number; a number found outside the range or twice stands in for a missing declared one (its number
/// was damaged) before any declared record is counted as missing. Numbers are kept as runs, so a log read in order
/// costs a handful of entries, whatever its size.
/// </summary>
internal sealed class EvtRecordTally
{
    private readonly List<(long Start, long Count)> _runs = [];

    public void Found(uint number)
    {
        if (_runs.Count > 0 && _runs[^1].Start + _runs[^1].Count == number)
        {
            _runs[^1] = (_runs[^1].Start, _runs[^1].Count + 1);
        }
        else
        {
            _runs.Add((number, 1));
        }
    }

    /// <summary>Declared records not found, with the problem to report, or null when none are missing or nothing is declared.</summary>
    public (long Count, string Message)? Missing((uint Next, uint Oldest)? header, (uint Next, uint Oldest)? eof, long capacity)
    {
        bool Plausible((uint Next, uint Oldest)? p) => p is { } v && v.Oldest >= 1 && v.Next > v.Oldest && v.Next - v.Oldest <= capacity;

        (uint Next, uint Oldest)? range = Plausible(eof) ? eof : Plausible(header) ? header : null;
        if (Plausible(eof) && Plausible(header) && eof != header)
        {
            range = eof!.Value.Next - eof.Value.Oldest <= header!.Value.Next - header.Value.Oldest ? eof : header;
        }

        if (range is not { } r)
        {
            return null;
        }

        // Declared numbers found at least once; every other record found stands in for a missing one.
        long items = 0, unique = 0, reached = r.Oldest;
        foreach (var (start, count) in _runs.OrderBy(x => x.Start))
        {
            items += count;
            var from = Math.Max(start, reached);
            var to = Math.Min(start + count, r.Next);
            if (to > from)
            {
                unique += to - from;
                reached = to;
            }
        }

        var declared = (long)r.Next - r.Oldest;
        var standIns = items - unique;
        var missing = declared - unique - standIns;
        return missing > 0 ? (missing, $"{missing} of the {declared} declared records (numbers {r.Oldest} to {r.Next - 1}) not found") : null;
    }
}
