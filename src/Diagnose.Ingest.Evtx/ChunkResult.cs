using Diagnose.Core.Inputs;

namespace Diagnose.Ingest.Evtx;

/// <summary>
/// What decoding one chunk produced. Chunks are decoded in parallel, so problems and counts are kept here and
/// merged into the <see cref="InputSummary"/> in file order by the reading thread.
/// </summary>
internal sealed class ChunkResult
{
    public List<EvtxXmlRecord> Records { get; } = new(256);

    public List<InputProblem> Problems { get; } = [];

    public long Skipped { get; set; }

    /// <summary>The highest record number the chunk accounts for (declared or found), for the file's own reckoning.</summary>
    public long? HighestNumber { get; set; }

    /// <summary>The chunk's bytes; returned to the pool once the result is merged.</summary>
    public byte[] Buffer { get; set; } = [];

    public void Clear()
    {
        Records.Clear();
        Problems.Clear();
        Skipped = 0;
        HighestNumber = null;
    }

    public void Problem(string message, long offset) => Problems.Add(new InputProblem(message, offset));
}
