using Diagnose.Core.Diagnostics;
using Diagnose.Core.FileSystem;
using Diagnose.Core.Inputs;
using Diagnose.Core.Records;
using Diagnose.Ingest.Detection;
using Diagnose.Ingest.Readers;

namespace Diagnose.Ingest;

/// <summary>
/// Reads every input the user named (files, or folders searched recursively), picks each file's
/// reader by content, and streams the records of all of them in turn. A missing, empty or unreadable
/// input is reported in its summary and the others are still read.
/// </summary>
public sealed class LogIngester
{
    private const int SniffBytes = 8192;

    private readonly Dictionary<string, IEventReader> _readers;

    /// <summary>Creates an ingester with the built-in readers; an extra reader for a format a built-in one reads replaces it.</summary>
    public LogIngester(IEnumerable<IEventReader>? extraReaders = null)
    {
        IEventReader[] builtIn = [new EvtxEventReader(), new EvtEventReader(), new XmlEventReader(), new CsvEventReader(), new JsonEventReader(), new TextEventReader(), new NettraceEventReader(), new EtlEventReader()];
        // An extra reader for a built-in format replaces the built-in one.
        _readers = new Dictionary<string, IEventReader>(StringComparer.OrdinalIgnoreCase);
        foreach (var reader in builtIn.Concat(extraReaders ?? []))
        {
            _readers[reader.Format] = reader;
        }
    }

    /// <summary>Bounds and traps of the folder walk (link loops, FIFOs, unreadable folders, file and depth limits).</summary>
    public FolderWalker Walker { get; init; } = new();

    /// <summary>Streams the records of every path in turn (folders searched recursively, hidden files skipped); each input's summary is added to <paramref name="session"/>, and a path that cannot be read is reported there instead of thrown.</summary>
    public IEnumerable<EventRecord> Read(IEnumerable<string> paths, IngestSession session, CancellationToken cancellation = default)
    {
        foreach (var path in paths)
        {
            // Hidden files (".name") inside a folder are not inputs; a path named on its own always is.
            foreach (var entry in Walker.Walk(path, name => !name.StartsWith('.')))
            {
                cancellation.ThrowIfCancellationRequested();
                if (entry.Problem is { } problem)
                {
                    var skipped = new InputSummary(entry.Path) { Unreadable = true };
                    skipped.AddProblem(new InputProblem(problem));
                    session.Inputs.Add(skipped);
                    continue;
                }

                foreach (var record in ReadFile(entry.Path, session, cancellation))
                {
                    yield return record;
                }
            }
        }
    }

    /// <summary>Reads one stream whose format is found from its first bytes (used for uploads as well as files).</summary>
    public IEnumerable<EventRecord> ReadStream(Stream stream, string source, IngestSession session, CancellationToken cancellation = default)
    {
        DiagnoseEventSource.Log.InputStarted(source);
        var at = session.Inputs.Count;
        try
        {
            foreach (var record in ReadDetected(stream, source, session, cancellation))
            {
                yield return record;
            }
        }
        finally
        {
            DiagnoseEventSource.Log.InputFinished(session.Inputs[at]);
        }
    }

    private IEnumerable<EventRecord> ReadDetected(Stream stream, string source, IngestSession session, CancellationToken cancellation)
    {
        var summary = new InputSummary(source);
        session.Inputs.Add(summary);
        var context = new ReadContext(source, summary, cancellation) { Recover = session.Recover };

        var head = new byte[SniffBytes];
        var headLength = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (headLength == 0)
        {
            summary.Unreadable = true;
            context.Problem("the input is empty (0 bytes): expected an event log export or a cluster snapshot");
            yield break;
        }

        var detected = FormatDetector.Detect(head.AsSpan(0, headLength));
        summary.Format = detected.Format;
        var body = new PrefixedStream(head.AsMemory(0, headLength), stream);

        if (detected.Format == FormatDetector.Snapshot)
        {
            var snapshot = SnapshotReader.Read(body, context);
            if (snapshot is null)
            {
                summary.Unreadable = true;
            }
            else
            {
                session.Snapshots.Add(snapshot);
                summary.Records = 1;
            }

            yield break;
        }

        if (!_readers.TryGetValue(detected.Format, out var reader))
        {
            summary.Unreadable = true;
            context.Problem(detected.Format == FormatDetector.Unknown
                ? $"unrecognised content ({detected.Reason}): expected EVTX, EVT, Event Viewer XML or CSV, " +
                  "Get-WinEvent JSON, a .nettrace or .etl trace, pasted event text or a cluster snapshot JSON"
                : $"{detected.Format} input ({detected.Reason}) but no {detected.Format} reader is registered", offset: 0);
            yield break;
        }

        foreach (var record in reader.Read(body, context))
        {
            summary.Records++;
            if (record.Recovered)
            {
                summary.Recovered++;
            }

            yield return record;
        }

        // Nothing at all came out and something went wrong: the input could not be read.
        if (summary.Records == 0 && summary.Problems.Count > 0)
        {
            summary.Unreadable = true;
        }
    }

    private IEnumerable<EventRecord> ReadFile(string file, IngestSession session, CancellationToken cancellation)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var failed = new InputSummary(file) { Unreadable = true };
            failed.AddProblem(new InputProblem(e is UnauthorizedAccessException ? "cannot be read: permission denied" : $"cannot open: {e.Message}"));
            session.Inputs.Add(failed);
            yield break;
        }

        using (stream)
        {
            var length = stream.Length;
            var next = 0L;
            foreach (var record in ReadStream(stream, file, session, cancellation))
            {
                if (session.Progress is not null && stream.Position >= next)
                {
                    session.Progress(file, stream.Position, length);
                    next = stream.Position + (1 << 20);
                }

                yield return record;
            }

            session.Progress?.Invoke(file, length, length);
        }
    }
}
