namespace Diagnose.Core.Records;

/// <summary>
/// One event as read from any input format, before it is interpreted. Readers fill what their
/// format carries and leave the rest null; nothing here depends on the message language.
/// </summary>
public sealed record EventRecord
{
    /// <summary>Provider (source) name as written in the log, e.g. <c>ESENT</c> or <c>ClusSvc</c>.</summary>
    public required string Provider { get; init; }

    public Guid? ProviderGuid { get; init; }

    /// <summary>Event ID with the qualifier (severity/facility) bits masked off: 0xC000019C is 412.</summary>
    public required int EventId { get; init; }

    /// <summary>The high 16 bits of a legacy 32-bit event identifier, or the XML Qualifiers attribute.</summary>
    public int Qualifiers { get; init; }

    public int? Version { get; init; }

    /// <summary>Level as Windows numbers it: 1 critical, 2 error, 3 warning, 4 information, 5 verbose; 0 when unknown.</summary>
    public int Level { get; init; }

    public int? Task { get; init; }

    public int? Opcode { get; init; }

    public ulong? Keywords { get; init; }

    /// <summary>Creation time in UTC, kept at the precision of the source (100 ns for EVTX).</summary>
    public DateTime? TimeUtc { get; init; }

    /// <summary>Record number in the source log, or null where the format has none (pasted text).</summary>
    public long? RecordNumber { get; init; }

    public string? Channel { get; init; }

    public string? Computer { get; init; }

    public string? UserSid { get; init; }

    public int? ProcessId { get; init; }

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
