namespace Diagnose.Analysis;

/// <summary>
/// One input of an analysis: a file or folder on disk, or a named stream (an upload, a blob, a pipe).
/// The format is always found from the content; the name only labels the input in the report (and, for
/// modern CSV, gives the node as <c>NODE_Log.csv</c> does), it is never opened as a path.
/// </summary>
public sealed class AnalysisInput
{
    private AnalysisInput(string name, string? path, Stream? content, long? length)
    {
        Name = name;
        Path = path;
        Content = content;
        Length = length;
    }

    /// <summary>The label used in the report and in every evidence reference.</summary>
    public string Name { get; }

    /// <summary>Total bytes when known, for progress; null for a stream of unknown length.</summary>
    public long? Length { get; }

    internal string? Path { get; }

    internal Stream? Content { get; }

    /// <summary>A file, or a folder whose files are read recursively in a stable order.</summary>
    public static AnalysisInput FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new AnalysisInput(path, path, null, null);
    }

    /// <summary>
    /// A stream read once, forward only, to its end. The engine never disposes it: the caller owns it.
    /// </summary>
    /// <param name="name">Label for the report, for example the uploaded file's name.</param>
    /// <param name="content">Readable stream; it need not be seekable.</param>
    /// <param name="length">Its length when known (progress only).</param>
    public static AnalysisInput FromStream(string name, Stream content, long? length = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanRead)
        {
            throw new ArgumentException("the stream is not readable", nameof(content));
        }

        return new AnalysisInput(name, null, content, length ?? (content.CanSeek ? content.Length - content.Position : null));
    }
}
