namespace Diagnose.Ingest.Evtx.Counting;

/// <summary>The record numbers a chunk header declares, first to last inclusive.</summary>
internal readonly record struct RecordRange(long First, long Last)
{
    public long Count => unchecked(Last - First + 1);

    public bool Contains(long number) => number >= First && number <= Last;

    /// <summary>At least one record and no more than a chunk can hold.</summary>
    public bool IsPlausible => First >= 0 && Last >= First && Last - First < Layout.EvtxChunkHeader.MaxRecords;
}
