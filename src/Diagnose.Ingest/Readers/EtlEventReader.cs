using Diagnose.Core.Records;
using Diagnose.Ingest.Detection;
using Microsoft.Diagnostics.Tracing;

namespace Diagnose.Ingest.Readers;

/// <summary>
/// ETW traces (<c>.etl</c>). Only Windows can decode them (TraceEvent uses the ETW API of advapi32),
/// so elsewhere the input is refused with what to do instead. ETW reads files by path: a file is read
/// in place, any other stream is first copied to a temporary file (at most <see cref="MaxSpoolBytes"/>).
/// </summary>
internal sealed class EtlEventReader : IEventReader
{
    /// <summary>Largest non-file input copied to a temporary file for ETW.</summary>
    public const long MaxSpoolBytes = 4L << 30;

    public string Format => FormatDetector.Etl;

    /// <summary>Why a .etl cannot be read here and how to convert it, naming the file.</summary>
    public static string NotOnThisOs(string source)
    {
        var name = Path.GetFileName(source);
        return $"'{name}' is an ETW trace (.etl). Only Windows can decode .etl files (they are read through the Windows ETW API), " +
            $"and this machine runs {System.Runtime.InteropServices.RuntimeInformation.OSDescription}. " +
            $"Convert it on Windows, then analyse the result: 'tracerpt \"{name}\" -o \"{Path.ChangeExtension(name, ".evtx")}\" -of EVTX', " +
            $"or in PowerShell 'Get-WinEvent -Path \"{name}\" -Oldest | ConvertTo-Json -Depth 4 > \"{Path.ChangeExtension(name, ".json")}\"'.";
    }

    public IEnumerable<EventRecord> Read(Stream stream, ReadContext context)
    {
        if (!OperatingSystem.IsWindows())
        {
            context.Problem(NotOnThisOs(context.Source));
            return [];
        }

        return ReadOnWindows(stream, context);
    }

    private static IEnumerable<EventRecord> ReadOnWindows(Stream stream, ReadContext context)
    {
        string? spooled = null;
        var path = context.Source;
        if (!File.Exists(path))
        {
            spooled = Path.Combine(Path.GetTempPath(), $"diagnose-{Guid.NewGuid():N}.etl");
            if (!Spool(stream, spooled, context))
            {
                File.Delete(spooled);
                yield break;
            }

            path = spooled;
        }

        try
        {
            var pump = new TraceEventPump(() => new ETWTraceEventSource(path, TraceEventSourceType.FileOnly), TraceEventRecords.NodeFromFileName(context.Source));
            foreach (var record in pump.Read(context))
            {
                yield return record;
            }

            if (pump.Failure is { } failure)
            {
                context.Problem($"ETW stopped reading the trace ({failure.GetType().Name}: {failure.Message}); the events before that point were read");
            }

            if (pump.EventsLost > 0)
            {
                context.Problem($"the trace records that {pump.EventsLost} events were lost while it was being collected (they are not in the file)");
            }
        }
        finally
        {
            if (spooled is not null)
            {
                File.Delete(spooled);
            }
        }
    }

    private static bool Spool(Stream stream, string path, ReadContext context)
    {
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        var buffer = new byte[1 << 16];
        int n;
        while ((n = stream.Read(buffer)) > 0)
        {
            if (file.Length + n > MaxSpoolBytes)
            {
                context.Problem($"the trace is larger than {MaxSpoolBytes >> 30} GiB and is not a file on disk; save it to a file and analyse that", offset: file.Length);
                return false;
            }

            file.Write(buffer, 0, n);
        }

        return true;
    }
}
