namespace Diagnose.Ingest.Evtx.Tests.Fuzz;

/// <summary>The single faults the fuzzer injects: one field or one run of bytes changed, or the file cut short.</summary>
internal enum FaultKind
{
    RecordBodyRun,
    RecordSize,
    RecordSizeCopy,
    RecordNumber,
    RecordSignature,
    RecordWrittenTime,
    ChunkHeaderField,
    ChunkHashTableEntry,
    FileHeaderField,
    CutAtChunkBoundary,
    CutInsideChunk,
}
