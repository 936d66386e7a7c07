using Diagnose.Analysis;
using Diagnose.Api.Uploads;

namespace Diagnose.Api.Analyses;

/// <summary>Progress of a running analysis, read by <c>GET /api/analyses/{id}</c> while the upload is still being analysed.</summary>
internal sealed class LiveProgress : IProgress<AnalysisProgress>
{
    private readonly UploadInputs _upload;
    private AnalysisProgress? _last;

    public LiveProgress(UploadInputs upload, long? totalBytes)
    {
        _upload = upload;
        TotalBytes = totalBytes;
    }

    public long? TotalBytes { get; }

    public long BytesRead => _upload.BytesRead;

    public AnalysisProgress? Last => Volatile.Read(ref _last);

    public void Report(AnalysisProgress value) => Volatile.Write(ref _last, value);
}
