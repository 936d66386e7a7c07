using System.Collections;
using System.Globalization;
using Diagnose.Core.Records;
using Diagnose.Core.Time;
using Microsoft.Diagnostics.Tracing;

namespace Diagnose.Ingest.Readers;

/// <summary>
/// Maps a TraceEvent event to our record. The payload becomes the event data, in order and with its
/// field names, so the normaliser reads an ESENT or ClusSvc event from a trace exactly as from a log.
/// </summary>
internal static class TraceEventRecords
{
    /// <summary>
    /// Builds the record while <paramref name="e"/> is valid: TraceEvent reuses the object after the callback.
    /// </summary>
    public static EventRecord ToRecord(TraceEvent e, long sequence, string source, string? computer)
    {
        var names = e.PayloadNames ?? [];
        var data = new EventDataItem[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            data[i] = new EventDataItem(names[i], Format(SafePayload(e, i)));
        }

        return new EventRecord
        {
            Provider = string.IsNullOrEmpty(e.ProviderName) ? e.ProviderGuid.ToString() : e.ProviderName,
            ProviderGuid = e.ProviderGuid == Guid.Empty ? null : e.ProviderGuid,
            EventId = (int)e.ID,
            Version = e.Version,
            Level = (int)e.Level,
            Task = (int)e.Task,
            Opcode = (int)e.Opcode,
            Keywords = (ulong)e.Keywords,
            // TraceEvent gives local time built from the trace's UTC clock; the conversion back is exact
            // (DateTime keeps the ambiguous-DST bit of a ToLocalTime result).
            TimeUtc = e.TimeStamp.ToUniversalTime(),
            RecordNumber = sequence,
            Computer = computer,
            ProcessId = e.ProcessID >= 0 ? e.ProcessID : null,
            ThreadId = e.ThreadID >= 0 ? e.ThreadID : null,
            Data = data,
            Origin = new RecordOrigin(source),
        };
    }

    /// <summary>One payload value as invariant text: numbers, times in ISO-8601 UTC, arrays joined with commas.</summary>
    public static string? Format(object? value) => value switch
    {
        null => null,
        string s => s,
        byte[] bytes => Convert.ToHexString(bytes),
        char[] chars => new string(chars),
        DateTime time => IsoTime.Format(time.ToUniversalTime(), IsoPrecision.Ticks),
        IDictionary<string, object> fields => "{" + string.Join(", ", fields.Select(f => $"{f.Key}: {Format(f.Value)}")) + "}",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => string.Join(",", items.Cast<object?>().Select(Format)),
        _ => value.ToString(),
    };

    /// <summary>A payload field that cannot be decoded must not cost the whole event.</summary>
    private static object? SafePayload(TraceEvent e, int index)
    {
        try
        {
            return e.PayloadValue(index);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return $"<undecodable: {ex.Message}>";
        }
    }

    /// <summary>The node a trace stands for: traces carry no computer name, so it comes from a file named &lt;NODE&gt;_&lt;anything&gt;.</summary>
    public static string? NodeFromFileName(string source) => CsvEventReader.NodeFromFileName(source);
}
