using Diagnose.Analysis;
using Diagnose.Api.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Diagnose.Api.Uploads;

/// <summary>
/// Turns a request into the engine's lazy input sequence without buffering: each multipart section (any
/// field name) or the whole non-multipart body is one input, handed out only when the previous one has
/// been read. Optionally copies each input to a generated file name under the analysis' upload folder.
/// </summary>
internal sealed class UploadInputs
{
    private readonly HttpRequest _request;
    private readonly ApiOptions _options;
    private readonly string? _keepFolder;
    private readonly LimitedStream _body;

    public UploadInputs(HttpRequest request, ApiOptions options, string? keepFolder)
    {
        _request = request;
        _options = options;
        _keepFolder = keepFolder;
        _body = new LimitedStream(request.Body, options.MaxUploadBytes);
    }

    /// <summary>Label and kept file (relative to the data folder) of each input handed out, in order.</summary>
    public List<(string Label, string? Kept)> Received { get; } = [];

    public long BytesRead => _body.BytesRead;

    public bool IsJsonBody => MediaTypeHeaderValue.TryParse(_request.ContentType, out var type) &&
        (type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.MediaType.Value?.EndsWith("+json", StringComparison.OrdinalIgnoreCase) == true);

    public IEnumerable<AnalysisInput> Read(CancellationToken cancellation)
    {
        if (!MediaTypeHeaderValue.TryParse(_request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var label = SafeNames.Label(_request.Query["name"].ToString() is { Length: > 0 } name ? name : "request-body", 0);
            foreach (var input in Hand(label, _body, 0))
            {
                yield return input;
            }

            yield break;
        }

        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            throw Problems.BadUpload("the multipart/form-data content type has no boundary parameter");
        }

        var reader = new MultipartReader(boundary, _body) { BodyLengthLimit = null };
        for (var position = 0; ; position++)
        {
            var section = Next(reader, cancellation);
            if (section is null)
            {
                yield break;
            }

            if (position >= _options.MaxFiles)
            {
                throw Problems.TooManyFiles(_options.MaxFiles);
            }

            ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition);
            var clientName = disposition?.FileNameStar.Value ?? disposition?.FileName.Value ?? disposition?.Name.Value;
            foreach (var input in Hand(SafeNames.Label(HeaderUtilities.RemoveQuotes(clientName).Value, position), section.Body, position))
            {
                yield return input;
            }
        }
    }

    private IEnumerable<AnalysisInput> Hand(string label, Stream content, int position)
    {
        if (_keepFolder is null)
        {
            Received.Add((label, null));
            yield return AnalysisInput.FromStream(label, content);
            content.CopyTo(Stream.Null);
            yield break;
        }

        // Generated name only: the client's name is never part of a path.
        Directory.CreateDirectory(_keepFolder);
        var file = Path.Combine(_keepFolder, $"{position + 1}.upload");
        using var copy = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        var tee = new TeeStream(content, copy);
        Received.Add((label, Path.GetRelativePath(_options.UploadsFolder, file).Replace('\\', '/')));
        yield return AnalysisInput.FromStream(label, tee);

        // Readers may stop early (unknown format); the kept copy is still the whole upload.
        tee.CopyTo(Stream.Null);
    }

    private static MultipartSection? Next(MultipartReader reader, CancellationToken cancellation)
    {
        try
        {
            // The engine reads on a worker thread; waiting here is what keeps the sections in order.
            return reader.ReadNextSectionAsync(cancellation).GetAwaiter().GetResult();
        }
        catch (InvalidDataException e)
        {
            throw Problems.BadUpload($"the multipart body is malformed: {e.Message}");
        }
        catch (IOException e)
        {
            throw Problems.BadUpload($"the multipart body ended early: {e.Message}");
        }
    }
}
