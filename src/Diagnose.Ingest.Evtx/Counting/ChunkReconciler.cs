namespace Diagnose.Ingest.Evtx.Counting;

/// <summary>
/// Counts every record of one chunk exactly once. A chunk header declares its records twice (first/last record
/// number and first/last record identifier, libyal EVTX "Chunk header"); the walk finds records one after the
/// other, and within a chunk their numbers are consecutive. So:
/// <list type="bullet">
/// <item>the declared range is the identifier pair as written when the header is sound; when one copy is damaged,
/// the plausible candidate (the identifier pair, or either end of it with the number pair's count) that covers
/// most of the walked numbers, the tighter one on a tie;</item>
/// <item>a record whose number fits neither neighbour while its neighbours fit each other sits in the slot between
/// them: its number is reported as disagreeing with its position and it fills that slot, so it counts once;</item>
/// <item>declared slots that no readable record fills are unreadable (damaged, skipped over by a resynchronised walk,
/// or cut off by the end of the file); records found outside the range add to the total.</item>
/// </list>
/// Without a believable range, each record that failed to decode and each resynchronisation gap is one
/// unreadable record (or the gap's width in numbers when its neighbours say so).
/// </summary>
internal static class ChunkReconciler
{
    public static RecordRange? ChooseRange(RecordRange byNumber, RecordRange byIdentifier, bool headerChecksumOk, IReadOnlyList<WalkEntry> walk)
    {
        if (byNumber == byIdentifier || headerChecksumOk)
        {
            // Nothing to cross-check, or a sound header: trusted as written (identifiers: what record headers carry).
            return byIdentifier.IsPlausible ? byIdentifier : byNumber.IsPlausible ? byNumber : null;
        }

        // One copy is damaged. Record numbers may be offset from identifiers (forwarded logs), so the number pair
        // lends its count: the identifier range as written, or anchored at either end with the number pair's count.
        var count = byNumber.Count;
        RecordRange[] candidates =
        [
            byIdentifier,
            new(byIdentifier.First, unchecked(byIdentifier.First + count - 1)),
            new(unchecked(byIdentifier.Last - count + 1), byIdentifier.Last),
            byNumber,
        ];
        RecordRange? best = null;
        var bestCover = -1;
        foreach (var candidate in candidates)
        {
            if (!candidate.IsPlausible)
            {
                continue;
            }

            var cover = walk.Count(e => candidate.Contains(e.Number));
            if (cover > bestCover || (cover == bestCover && candidate.Count < best!.Value.Count))
            {
                (best, bestCover) = (candidate, cover);
            }
        }

        return best;
    }

    public static ChunkTally Reconcile(IReadOnlyList<WalkEntry> walk, RecordRange? range, int trailingGaps)
    {
        var slots = new long[walk.Count];
        var misnumbered = new List<(int, long, long)>();
        for (var j = 0; j < walk.Count; j++)
        {
            slots[j] = walk[j].Number;
            var hasPrev = j > 0 && !walk[j].GapBefore;
            var hasNext = j < walk.Count - 1 && !walk[j + 1].GapBefore;
            var fitsPrev = hasPrev ? walk[j].Number == walk[j - 1].Number + 1 : j == 0 && range?.First == walk[j].Number;
            var fitsNext = hasNext ? walk[j + 1].Number == walk[j].Number + 1 : j == walk.Count - 1 && trailingGaps == 0 && range?.Last == walk[j].Number;
            if (fitsPrev || fitsNext)
            {
                continue;
            }

            // The slot between two neighbours that agree with each other, or at the declared start or end.
            long? expected = hasPrev ? walk[j - 1].Number + 1 : j == 0 ? range?.First : null;
            var confirmed = expected is long e && (hasNext
                ? walk[j + 1].Number == e + 1
                : j == walk.Count - 1 && trailingGaps == 0 && range?.Last == e);
            if (confirmed && (range is null || range.Value.Contains(expected!.Value)))
            {
                slots[j] = expected!.Value;
                misnumbered.Add((walk[j].Offset, walk[j].Number, expected.Value));
            }
        }

        long? highest = walk.Count > 0 ? slots.Max() : null;
        if (range is RecordRange r)
        {
            var filled = new HashSet<long>();
            var touched = new HashSet<long>();
            long extraFailed = 0;
            for (var j = 0; j < walk.Count; j++)
            {
                var inRange = r.Contains(slots[j]);
                if (inRange && walk[j].Decoded && filled.Add(slots[j]))
                {
                    touched.Add(slots[j]);
                }
                else if (inRange && !walk[j].Decoded && !filled.Contains(slots[j]))
                {
                    touched.Add(slots[j]);
                }
                else if (!walk[j].Decoded)
                {
                    extraFailed++;
                }
            }

            // Unfilled slots hold a record that failed to decode or one the walk never reached (missing).
            var unfilled = r.Count - filled.Count;
            return new ChunkTally(unfilled + extraFailed, r.Count - touched.Count, misnumbered, Math.Max(highest ?? r.Last, r.Last), filled);
        }

        // No range: failures and gaps, a gap as wide as its neighbours' numbers say when that is believable.
        long unreadable = walk.Count(e => !e.Decoded) + trailingGaps;
        for (var j = 1; j < walk.Count; j++)
        {
            if (walk[j].GapBefore)
            {
                var width = slots[j] - slots[j - 1] - 1;
                unreadable += width >= 1 && width <= Layout.EvtxChunkHeader.MaxRecords ? width : 1;
            }
        }

        if (walk.Count > 0 && walk[0].GapBefore)
        {
            unreadable++;
        }

        return new ChunkTally(unreadable, 0, misnumbered, highest, []);
    }
}
