namespace Diagnose.Analysis;

/// <summary>Turns ingest's byte callbacks into both progress forms of <see cref="AnalyzeOptions"/>, with the record count.</summary>
internal sealed class ProgressTracker
{
    private readonly AnalyzeOptions? _options;
    private int _index = -1;

    public ProgressTracker(AnalyzeOptions? options) => _options = options;

    public long Records { get; set; }

    public void Start(AnalysisInput input) => _index++;

    public void OnFileProgress(string path, long read, long total) => Report(path, read, total);

    public void Report(string input, long read, long? total)
    {
        _options?.Progress?.Invoke(input, read, total ?? -1);
        _options?.Reporter?.Report(new AnalysisProgress(input, _index, read, total, Records));
    }
}
