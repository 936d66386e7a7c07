namespace Diagnose.Core.Records;

/// <summary>
/// One event as read from any input format, before it is interpreted. Readers fill what their
/// format carries and leave the rest null; nothing here depends on the message language.
/// </summary>
public sealed record EventRecord
{
    /// <summary>Provider (source) name as written in the log, e.g. <c>ESENT</c> or <c>ClusSvc</c>.</summary>
    public required string Provider { get; init; }

    /// <summary>Provider GUID, where the format carries one (EVTX, XML, traces).</summary>
    public Guid? ProviderGuid { get; init; }

    /// <summary>Event ID with the qualifier (severity/facility) bits masked off: 0xC000019C is 412.</summary>
    public required int EventId { get; init; }

    /// <summary>The high 16 bits of a legacy 32-bit event identifier, or the XML Qualifiers attribute.</summary>
    public int Qualifiers { get; init; }

    /// <summary>Event version, where the format carries one.</summary>
    public int? Version { get; init; }

    /// <summary>Level as Windows numbers it: 1 critical, 2 error, 3 warning, 4 information, 5 verbose; 0 when unknown.</summary>
    public int Level { get; init; }

    /// <summary>Task number, where the format carries one.</summary>
    public int? Task { get; init; }

    /// <summary>Opcode number, where the format carries one.</summary>
    public int? Opcode { get; init; }

    /// <summary>Keyword bits, where the format carries them.</summary>
    public ulong? Keywords { get; init; }

    /// <summary>Creation time in UTC, kept at the precision of the source (100 ns for EVTX).</summary>
    public DateTime? TimeUtc { get; init; }

    /// <summary>Record number in the source log, or null where the format has none (pasted text).</summary>
    public long? RecordNumber { get; init; }

    /// <summary>Log (channel) name, such as <c>System</c> or <c>Application</c>.</summary>
    public string? Channel { get; init; }

    /// <summary>Name of the computer that logged the event: the node.</summary>
    public string? Computer { get; init; }

    /// <summary>Security identifier of the user the event names, as text (<c>S-1-5-18</c>).</summary>
    public string? UserSid { get; init; }

    /// <summary>ID of the process that logged the event, where the format carries it.</summary>
    public int? ProcessId { get; init; }

    /// <summary>ID of the thread that logged the event, where the format carries it.</summary>
    public int? ThreadId { get; init; }

    /// <summary>Insertion strings / event data, in order, with their names where the format has them.</summary>
    public IReadOnlyList<EventDataItem> Data { get; init; } = [];

    /// <summary>Rendered message text, if the export carried one (any language).</summary>
    public string? Message { get; init; }

    /// <summary>Where this record came from: file and position.</summary>
    public required RecordOrigin Origin { get; init; }

    /// <summary>True when the record was recovered from a damaged part of its file.</summary>
    public bool Recovered { get; init; }
}
