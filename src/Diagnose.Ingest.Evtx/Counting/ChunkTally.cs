namespace Diagnose.Ingest.Evtx.Counting;

/// <summary>
/// The outcome of reconciling a chunk's declared records with its walk: records that exist or are declared
/// but could not be read, the numbers that disagreed with their position, and the highest number accounted for.
/// </summary>
internal readonly record struct ChunkTally(long Unreadable, long Missing, IReadOnlyList<(int Offset, long Found, long Expected)> Misnumbered, long? Highest, HashSet<long> Filled);
