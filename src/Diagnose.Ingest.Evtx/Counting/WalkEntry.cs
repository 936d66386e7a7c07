namespace Diagnose.Ingest.Evtx.Counting;

/// <summary>
/// One record met by a chunk walk, decoded or not. <paramref name="GapBefore"/> is set when the walk had to
/// resynchronise on a record signature to reach it, so its neighbour before it is not its neighbour in the file.
/// </summary>
internal readonly record struct WalkEntry(int Offset, long Number, bool Decoded, bool GapBefore);
