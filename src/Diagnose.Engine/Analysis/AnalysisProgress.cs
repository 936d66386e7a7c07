namespace Diagnose.Analysis;

/// <summary>How far an analysis has read: the current input, its bytes, and the records read from all inputs so far.</summary>
/// <param name="Input">Name of the input being read.</param>
/// <param name="InputIndex">Zero-based position of that input among the inputs given.</param>
/// <param name="BytesRead">Bytes of this input read so far.</param>
/// <param name="TotalBytes">This input's length, or null when the stream's length is unknown.</param>
/// <param name="RecordsRead">Records read from every input so far.</param>
public sealed record AnalysisProgress(string Input, int InputIndex, long BytesRead, long? TotalBytes, long RecordsRead);
